package io.vessel.server.registry.batch;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.batch.cronjob.CronJobStrategy;
import io.vessel.server.registry.batch.cronjob.CronJobTable;
import io.vessel.server.registry.batch.job.JobStrategy;
import io.vessel.server.registry.batch.job.JobTable;
import java.util.List;

/** The batch/v1 resources. */
public final class BatchResources {
  private BatchResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("batch", "v1", "cronjobs", "CronJob")
            .shortNames("cj")
            .categories("all")
            .status()
            .model(CronJob.class, new CronJobStrategy(), new CronJobTable())
            .build(),
        ResourceDefinition.builder("batch", "v1", "jobs", "Job")
            .categories("all")
            .status()
            .model(Job.class, new JobStrategy(), new JobTable())
            .field("status.successful", "/status/succeeded", "0")
            .build());
  }
}
