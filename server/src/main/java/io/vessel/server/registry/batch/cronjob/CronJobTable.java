package io.vessel.server.registry.batch.cronjob;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/**
 * NAME, SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE (+ CONTAINERS, IMAGES, SELECTOR
 * wide).
 */
public final class CronJobTable implements TableConvertor<CronJob> {
  private static final List<TableColumn> COLUMNS =
      TableColumn.withTemplateColumns(
          List.of(
              TableColumn.nameColumn(),
              TableColumn.text("Schedule", "The cron schedule."),
              TableColumn.text("Timezone", "The time zone of the schedule."),
              TableColumn.bool("Suspend", "Whether new runs are suspended."),
              TableColumn.integer("Active", "The number of running jobs."),
              TableColumn.text("Last Schedule", "When a job was last scheduled."),
              TableColumn.ageColumn()),
          "the jobs' pods");

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(CronJob cj, Instant now) {
    CronJobSpec spec = cj.getSpec() == null ? new CronJobSpec() : cj.getSpec();
    var status = cj.getStatus();
    String last =
        status == null || status.getLastScheduleTime() == null
            ? TableCells.NONE
            : TableCells.since(status.getLastScheduleTime(), now);
    long active = status == null || status.getActive() == null ? 0 : status.getActive().size();
    var jobSpec = spec.getJobTemplate() == null ? null : spec.getJobTemplate().getSpec();
    var podSpec =
        jobSpec == null || jobSpec.getTemplate() == null ? null : jobSpec.getTemplate().getSpec();
    List<String> containers =
        TableCells.containersAndImages(podSpec == null ? null : podSpec.getContainers());
    return List.of(
        cj.getMetadata().getName(),
        TableCells.orEmpty(spec.getSchedule()),
        TableCells.orNone(spec.getTimeZone()),
        Boolean.TRUE.equals(spec.getSuspend()),
        active,
        last,
        Ages.of(cj, now),
        containers.get(0),
        containers.get(1),
        TableCells.labelSelector(jobSpec == null ? null : jobSpec.getSelector()));
  }
}
