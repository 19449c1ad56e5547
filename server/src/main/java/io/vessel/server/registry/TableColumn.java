package io.vessel.server.registry;

/** A column of a meta.k8s.io Table; priority 1 columns show only with {@code -o wide}. */
public record TableColumn(String name, String type, String format, String description, int priority) {

  public static TableColumn nameColumn() {
    return new TableColumn(
        "Name", "string", "name", "Name must be unique within a namespace.", 0);
  }

  public static TableColumn ageColumn() {
    return new TableColumn(
        "Age", "string", "", "Time since the object was created.", 0);
  }

  public static TableColumn text(String name, String description) {
    return new TableColumn(name, "string", "", description, 0);
  }

  public static TableColumn integer(String name, String description) {
    return new TableColumn(name, "integer", "", description, 0);
  }

  public static TableColumn bool(String name, String description) {
    return new TableColumn(name, "boolean", "", description, 0);
  }

  public static TableColumn wide(String name, String description) {
    return new TableColumn(name, "string", "", description, 1);
  }

  /**
   * {@code columns} followed by the wide CONTAINERS, IMAGES and SELECTOR columns that every
   * workload with a pod template prints.
   *
   * @param pods whose pods the selector selects, for its description ("the job's pods")
   */
  public static java.util.List<TableColumn> withTemplateColumns(
      java.util.List<TableColumn> columns, String pods) {
    java.util.List<TableColumn> all = new java.util.ArrayList<>(columns);
    all.add(wide("Containers", "Names of each container in the template."));
    all.add(wide("Images", "Images referenced by each container in the template."));
    all.add(wide("Selector", "The label selector of " + pods + "."));
    return java.util.List.copyOf(all);
  }
}
