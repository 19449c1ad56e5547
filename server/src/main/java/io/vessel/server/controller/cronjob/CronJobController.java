package io.vessel.server.controller.cronjob;

import static io.vessel.kit.client.Resources.CRON_JOBS;
import static io.vessel.kit.client.Resources.JOBS;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Json;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.events.EventRecorder;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates a Job at each fire time of a CronJob's schedule (batch/v1 CronJob, upstream's
 * cronjob-controller v2): decides with {@link CronJobSync}, then does the I/O it asks for, and
 * requeues itself at the next fire time.
 */
public final class CronJobController {
  static final String SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";

  private final Loops loops;
  private final EventRecorder events;
  private final Informer<CronJob> cronJobs;
  private final Informer<Job> jobs;
  private final Clock clock;

  private CronJobController(Loops loops, Clock clock) {
    this.loops = loops;
    this.events = new EventRecorder(loops.client(), "cronjob-controller", "cronjob-controller");
    this.cronJobs = loops.informers().of(CRON_JOBS);
    this.jobs = loops.informers().of(JOBS);
    this.clock = clock;
  }

  public static void register(Loops loops) {
    var c = new CronJobController(loops, Clock.systemUTC());
    loops.add(
        new Controller("cronjob", 2, c::reconcile)
            .watches(c.cronJobs)
            .watches(c.jobs, CronJobController::ownerOf));
  }

  private static List<String> ownerOf(Job job) {
    return OwnerRefs.controllerOf(job)
        .filter(r -> "CronJob".equals(r.getKind()))
        .map(r -> List.of(ObjectKeys.of(job.getMetadata().getNamespace(), r.getName())))
        .orElse(List.of());
  }

  private Result reconcile(String key) {
    CronJob cj = cronJobs.get(key);
    if (cj == null) {
      return Result.done();
    }
    List<Job> children =
        jobs.list(cj.getMetadata().getNamespace()).stream()
            .filter(j -> OwnerRefs.controlledBy(j, cj))
            .toList();
    CronJobSync.Plan plan = CronJobSync.plan(cj, children, missing(cj, children), clock.instant());
    for (Job expired : plan.expired) {
      deleteJob(expired.getMetadata().getNamespace(), expired.getMetadata().getName());
    }
    List<ObjectReference> active =
        plan.status.getActive() == null
            ? new ArrayList<>()
            : new ArrayList<>(plan.status.getActive());
    for (ObjectReference r : plan.replace) {
      deleteJob(r.getNamespace(), r.getName());
      active.remove(r);
      plan.events.add(
          new CronJobSync.Event(false, "SuccessfulDelete", "Deleted job " + r.getName()));
    }
    plan.events.forEach(e -> record(cj, e));
    RuntimeException createFailure = null;
    if (plan.create != null) {
      try {
        Job created = Blocking.await(loops.client().create(JOBS, newJob(cj, plan.create)));
        events.normal(cj, "SuccessfulCreate", "Created job " + created.getMetadata().getName());
        active.add(reference(created));
        plan.status.setLastScheduleTime(plan.create.toString());
      } catch (ApiException e) {
        // AlreadyExists: another actor made this run's Job; its status is theirs to record.
        if (!e.alreadyExists()) {
          events.warning(
              cj,
              "FailedCreate",
              "Error creating job: " + e.getMessage().replaceFirst("^\\d+ \\w*: ", ""));
        }
        createFailure = e;
      }
    }
    plan.status.setActive(active.isEmpty() ? null : active);
    Object before =
        Json.mapper().valueToTree(cj.getStatus() == null ? new CronJobStatus() : cj.getStatus());
    if (!Json.mapper().valueToTree(plan.status).equals(before)) {
      CronJob copy = PodTemplates.copy(cj, CronJob.class);
      copy.setStatus(plan.status);
      Blocking.await(loops.client().updateStatus(CRON_JOBS, copy));
    }
    if (createFailure != null) {
      throw createFailure;
    }
    return plan.requeueAfter == null ? Result.done() : Result.requeueAfter(plan.requeueAfter);
  }

  /** Active Jobs absent from the cache that the API server confirms gone (the cache may lag). */
  private Set<String> missing(CronJob cj, List<Job> children) {
    Set<String> missing = new HashSet<>();
    if (cj.getStatus() == null || cj.getStatus().getActive() == null) {
      return missing;
    }
    for (ObjectReference r : cj.getStatus().getActive()) {
      if (children.stream().anyMatch(j -> j.getMetadata().getUid().equals(r.getUid()))) {
        continue;
      }
      try {
        Job j = Blocking.await(loops.client().get(JOBS, r.getNamespace(), r.getName()));
        if (!j.getMetadata().getUid().equals(r.getUid())) {
          missing.add(r.getUid());
        }
      } catch (ApiException e) {
        if (!e.notFound()) {
          throw e;
        }
        missing.add(r.getUid());
      }
    }
    return missing;
  }

  private void deleteJob(String namespace, String name) {
    DeleteOptions options = new DeleteOptions();
    options.setPropagationPolicy("Background");
    Blocking.await(loops.client().delete(JOBS, namespace, name, options));
  }

  private void record(CronJob cj, CronJobSync.Event e) {
    if (e.warning()) {
      events.warning(cj, e.reason(), e.message());
    } else {
      events.normal(cj, e.reason(), e.message());
    }
  }

  /**
   * The Job for one fire time (upstream's getJobFromTemplate2): the template's labels and
   * annotations, the schedule time as an RFC 3339 annotation in the CronJob's zone, a name unique
   * to the fire time, and the CronJob as controller.
   */
  static Job newJob(CronJob cj, Instant scheduled) {
    var template = cj.getSpec().getJobTemplate();
    ObjectMeta t = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    ObjectMeta m = new ObjectMeta();
    m.setNamespace(cj.getMetadata().getNamespace());
    m.setName(CronJobSync.jobName(cj, scheduled));
    m.setLabels(t.getLabels() == null ? new HashMap<>() : new HashMap<>(t.getLabels()));
    var annotations =
        t.getAnnotations() == null
            ? new HashMap<String, String>()
            : new HashMap<>(t.getAnnotations());
    ZoneId zone =
        cj.getSpec().getTimeZone() == null ? ZoneOffset.UTC : ZoneId.of(cj.getSpec().getTimeZone());
    annotations.put(
        SCHEDULED_TIMESTAMP,
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            scheduled.truncatedTo(ChronoUnit.SECONDS).atZone(zone)));
    m.setAnnotations(annotations);
    m.setOwnerReferences(List.of(OwnerRefs.controllerRef(cj)));
    Job job = new Job();
    job.setMetadata(m);
    job.setSpec(PodTemplates.copy(template.getSpec(), JobSpec.class));
    return job;
  }

  private static ObjectReference reference(Job job) {
    ObjectReference r = new ObjectReference();
    r.setApiVersion("batch/v1");
    r.setKind("Job");
    r.setNamespace(job.getMetadata().getNamespace());
    r.setName(job.getMetadata().getName());
    r.setUid(job.getMetadata().getUid());
    r.setResourceVersion(job.getMetadata().getResourceVersion());
    return r;
  }
}
