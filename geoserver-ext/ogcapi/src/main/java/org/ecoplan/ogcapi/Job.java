package org.ecoplan.ogcapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.ows.ServiceException;

/**
 * One execution of a process, as OGC API – Processes keeps it (OGC 18-062r2 clause 7.12, status
 * info): its state, times and, once done, its result or its failure. Sync and async executions
 * are jobs alike; only async ones are listed and kept.
 */
final class Job {
    /** The states of OGC 18-062r2 statusCode.yaml. */
    enum Status {
        ACCEPTED,
        RUNNING,
        SUCCESSFUL,
        FAILED,
        DISMISSED;

        String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** What a successful plan check produced, and how the client asked to receive it (never its inputs). */
    record Result(Map<String, Object> report, byte[] map, List<String> outputs, boolean document) {}

    final String id;
    final String processId;
    final String workspace;
    /** Who started it: only that caller (or an administrator) sees the job and its results. */
    final String owner;
    final Instant created = Instant.now();
    private volatile Status status = Status.ACCEPTED;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile Result result;
    private volatile ServiceException failure;

    Job(String id, String processId, String workspace, String owner) {
        this.id = id;
        this.processId = processId;
        this.workspace = workspace;
        this.owner = owner;
    }

    Status status() { return status; }

    Result result() { return result; }

    ServiceException failure() { return failure; }

    void started() {
        started = Instant.now();
        status = Status.RUNNING;
    }

    void succeeded(Result r) {
        result = r;
        finished = Instant.now();
        status = Status.SUCCESSFUL;
    }

    void failed(ServiceException e) {
        failure = e;
        finished = Instant.now();
        status = Status.FAILED;
    }

    void dismissed() {
        if (finished == null) finished = Instant.now();
        status = Status.DISMISSED;
    }

    boolean done() { return status == Status.SUCCESSFUL || status == Status.FAILED || status == Status.DISMISSED; }

    /** The media type of the results as the client asked for them. */
    private String resultType() {
        Result r = result;
        if (status == Status.FAILED || r == null || r.document())
            return status == Status.FAILED
                    ? Problem.MEDIA_TYPE
                    : "application/json";
        if (r.outputs().size() > 1) return "multipart/related";
        return PlanCheckProcess.MEDIA_TYPES.get(r.outputs().get(0));
    }

    /** The status info document (OGC 18-062r2 statusInfo.yaml). */
    Map<String, Object> statusInfo(String jobsUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processID", processId);
        m.put("type", "process");
        m.put("jobID", id);
        m.put("status", status.code());
        m.put("message", switch (status) {
            case ACCEPTED -> "waiting to run / 等待执行";
            case RUNNING -> "running / 执行中";
            case SUCCESSFUL -> "done / 已完成";
            case FAILED -> failure == null ? "failed" : failure.getMessage();
            case DISMISSED -> "dismissed / 已取消";
        });
        m.put("created", created.toString());
        if (started != null) m.put("started", started.toString());
        if (finished != null) m.put("finished", finished.toString());
        m.put("updated", (finished != null ? finished : started != null ? started : created).toString());
        // the check is one step: there is no partial progress to report until it is done
        if (done()) m.put("progress", 100);
        String self = jobsUrl + "/" + id;
        List<Map<String, Object>> links = new java.util.ArrayList<>();
        links.add(CollectionDocument.link(self + "?f=json", "self", "application/json", "this job / 本作业"));
        if (status == Status.SUCCESSFUL || status == Status.FAILED) {
            links.add(CollectionDocument.link(self + "/results", "http://www.opengis.net/def/rel/ogc/1.0/results",
                    resultType(), "results / 结果"));
        }
        m.put("links", links);
        return m;
    }
}
