package io.vessel.cri.fake;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.vessel.cri.v1.FilesystemIdentifier;
import io.vessel.cri.v1.FilesystemUsage;
import io.vessel.cri.v1.Image;
import io.vessel.cri.v1.ImageFsInfoRequest;
import io.vessel.cri.v1.ImageFsInfoResponse;
import io.vessel.cri.v1.ImageServiceGrpc;
import io.vessel.cri.v1.ImageStatusRequest;
import io.vessel.cri.v1.ImageStatusResponse;
import io.vessel.cri.v1.ListImagesRequest;
import io.vessel.cri.v1.ListImagesResponse;
import io.vessel.cri.v1.PullImageRequest;
import io.vessel.cri.v1.PullImageResponse;
import io.vessel.cri.v1.RemoveImageRequest;
import io.vessel.cri.v1.RemoveImageResponse;
import io.vessel.cri.v1.UInt64Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fake's image store, with containerd's answers: a missing image has an empty ImageStatus
 * rather than an error, RemoveImage of a missing image succeeds, and PullImage returns the image
 * id. Nothing is downloaded: a pull just makes the image exist.
 *
 * <p>Thread-safe: every method holds this object's lock.
 */
final class FakeImageService extends ImageServiceGrpc.ImageServiceImplBase {

  /** About the size of a busybox image, so image GC arithmetic has something to add up. */
  static final long IMAGE_SIZE = 2_150_400;

  private static final String IMAGE_FS =
      "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs";

  /** Guarded by this. Keyed by image id, in insertion order so lists are stable. */
  private final Map<String, Image> images = new LinkedHashMap<>();

  /** Adds {@code reference} (normalised, as containerd would) or a tag to an existing image. */
  synchronized Image add(String reference) {
    String normalized = ImageReference.normalize(reference);
    String repository = ImageReference.repository(normalized);
    String id = "sha256:" + sha256(repository);
    var image =
        images
            .getOrDefault(id, Image.newBuilder().setId(id).setSize(IMAGE_SIZE).build())
            .toBuilder();
    if (ImageReference.isDigest(normalized)) {
      addIfAbsent(image.getRepoDigestsList(), normalized, image::addRepoDigests);
    } else {
      addIfAbsent(image.getRepoTagsList(), normalized, image::addRepoTags);
      addIfAbsent(
          image.getRepoDigestsList(),
          repository + "@sha256:" + sha256(normalized + "#manifest"),
          image::addRepoDigests);
    }
    var built = image.build();
    images.put(id, built);
    return built;
  }

  /** The image that {@code reference} names: by id, by tag or by digest. */
  synchronized Optional<Image> resolve(String reference) {
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    var byId = images.get(reference);
    if (byId != null) {
      return Optional.of(byId);
    }
    String normalized = ImageReference.normalize(reference);
    return images.values().stream()
        .filter(
            i ->
                i.getRepoTagsList().contains(normalized)
                    || i.getRepoDigestsList().contains(normalized))
        .findFirst();
  }

  @Override
  public void listImages(ListImagesRequest request, StreamObserver<ListImagesResponse> response) {
    String wanted = request.getFilter().getImage().getImage();
    var matching = new ArrayList<Image>();
    synchronized (this) {
      if (wanted.isEmpty()) {
        matching.addAll(images.values());
      } else {
        resolve(wanted).ifPresent(matching::add);
      }
    }
    reply(response, ListImagesResponse.newBuilder().addAllImages(matching).build());
  }

  @Override
  public void imageStatus(
      ImageStatusRequest request, StreamObserver<ImageStatusResponse> response) {
    var status = ImageStatusResponse.newBuilder();
    resolve(request.getImage().getImage()).ifPresent(status::setImage);
    reply(response, status.build());
  }

  @Override
  public void pullImage(PullImageRequest request, StreamObserver<PullImageResponse> response) {
    String reference = request.getImage().getImage();
    if (reference.isEmpty()) {
      response.onError(
          Status.UNKNOWN
              .withDescription("failed to parse image reference \"\": invalid reference format")
              .asRuntimeException());
      return;
    }
    var image = add(reference);
    reply(response, PullImageResponse.newBuilder().setImageRef(image.getId()).build());
  }

  @Override
  public void removeImage(
      RemoveImageRequest request, StreamObserver<RemoveImageResponse> response) {
    synchronized (this) {
      resolve(request.getImage().getImage()).ifPresent(i -> images.remove(i.getId()));
    }
    reply(response, RemoveImageResponse.getDefaultInstance());
  }

  @Override
  public void imageFsInfo(
      ImageFsInfoRequest request, StreamObserver<ImageFsInfoResponse> response) {
    long used;
    synchronized (this) {
      used = images.values().stream().mapToLong(Image::getSize).sum();
    }
    var usage =
        FilesystemUsage.newBuilder()
            .setTimestamp(FakeClock.nowNanos())
            .setFsId(FilesystemIdentifier.newBuilder().setMountpoint(IMAGE_FS))
            .setUsedBytes(UInt64Value.newBuilder().setValue(used))
            .build();
    reply(response, ImageFsInfoResponse.newBuilder().addImageFilesystems(usage).build());
  }

  private static void addIfAbsent(List<String> present, String value, Consumer<String> adder) {
    if (!present.contains(value)) {
      adder.accept(value);
    }
  }

  private static String sha256(String s) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> void reply(StreamObserver<T> observer, T value) {
    observer.onNext(value);
    observer.onCompleted();
  }
}
