package io.vessel.server.api.patch.strategic;

import java.util.Collections;
import java.util.List;

/**
 * Go's {@code sort.SliceStable}: insertion sort on blocks of 20, then in-place symmetric merges.
 *
 * <p>The upstream merge sorts with a "less" that answers {@code true} whenever one of the two items
 * is missing from the order list, which is not a consistent ordering; replaying Go's exact sequence
 * of comparisons keeps the result identical to kube-apiserver's in that case too, where a library
 * sort could order differently or throw.
 */
final class GoStableSort {

  /** Go's {@code less(i, j)} over the current contents of the list. */
  interface Less {
    boolean less(int i, int j);
  }

  private static final int BLOCK = 20;

  private GoStableSort() {}

  static <T> void sort(List<T> data, Less less) {
    int n = data.size();
    int blockSize = BLOCK;
    int a = 0;
    int b = blockSize;
    while (b <= n) {
      insertionSort(data, less, a, b);
      a = b;
      b += blockSize;
    }
    insertionSort(data, less, a, n);
    while (blockSize < n) {
      a = 0;
      b = 2 * blockSize;
      while (b <= n) {
        symMerge(data, less, a, a + blockSize, b);
        a = b;
        b += 2 * blockSize;
      }
      int m = a + blockSize;
      if (m < n) {
        symMerge(data, less, a, m, n);
      }
      blockSize *= 2;
    }
  }

  private static <T> void insertionSort(List<T> data, Less less, int a, int b) {
    for (int i = a + 1; i < b; i++) {
      for (int j = i; j > a && less.less(j, j - 1); j--) {
        Collections.swap(data, j, j - 1);
      }
    }
  }

  private static <T> void symMerge(List<T> data, Less less, int a, int m, int b) {
    if (m - a == 1) {
      int i = m;
      int j = b;
      while (i < j) {
        int h = (i + j) >>> 1;
        if (less.less(h, a)) {
          i = h + 1;
        } else {
          j = h;
        }
      }
      for (int k = a; k < i - 1; k++) {
        Collections.swap(data, k, k + 1);
      }
      return;
    }
    if (b - m == 1) {
      int i = a;
      int j = m;
      while (i < j) {
        int h = (i + j) >>> 1;
        if (!less.less(m, h)) {
          i = h + 1;
        } else {
          j = h;
        }
      }
      for (int k = m; k > i; k--) {
        Collections.swap(data, k, k - 1);
      }
      return;
    }
    int mid = (a + b) >>> 1;
    int n = mid + m;
    int start;
    int r;
    if (m > mid) {
      start = n - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    int p = n - 1;
    while (start < r) {
      int c = (start + r) >>> 1;
      if (!less.less(p - c, c)) {
        start = c + 1;
      } else {
        r = c;
      }
    }
    int end = n - start;
    if (start < m && m < end) {
      rotate(data, start, m, end);
    }
    if (a < start && start < mid) {
      symMerge(data, less, a, start, mid);
    }
    if (mid < end && end < b) {
      symMerge(data, less, mid, end, b);
    }
  }

  private static <T> void rotate(List<T> data, int a, int m, int b) {
    int i = m - a;
    int j = b - m;
    while (i != j) {
      if (i > j) {
        swapRange(data, m - i, m, j);
        i -= j;
      } else {
        swapRange(data, m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(data, m - i, m, i);
  }

  private static <T> void swapRange(List<T> data, int a, int b, int n) {
    for (int i = 0; i < n; i++) {
      Collections.swap(data, a + i, b + i);
    }
  }
}
