package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecoplan.ows.ServiceException;

/**
 * The asynchronous jobs of this server (OGC 18-062r2 clauses 7.11.4, 11–13): run by a small pool
 * of worker threads with a bounded queue (a full queue answers 503, not an ever-growing backlog),
 * and kept in memory, the newest {@value #KEPT} of them, until dismissed or pushed out. Jobs live
 * as long as the process: a restarted server has none.
 */
final class Jobs {
    /** Finished jobs kept, newest first; older ones, and any finished an hour ago, are dropped. */
    static final int KEPT = 100;
    static final long KEEP_MILLIS = 60 * 60 * 1000L;
    static final int QUEUE = 32;

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ThreadPoolExecutor workers;

    Jobs(int threads) {
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "ogcapi-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
    }

    /** Queues a job; 503 when the queue is full. */
    Job submit(String processId, String workspace, String owner, Work work) {
        Job job = new Job(UUID.randomUUID().toString(), processId, workspace, owner);
        synchronized (jobs) {
            jobs.put(job.id, job);
            trim();
        }
        try {
            workers.execute(() -> run(job, work));
        } catch (RejectedExecutionException e) {
            synchronized (jobs) {
                jobs.remove(job.id);
            }
            throw new ServiceException("ServerBusy", null,
                    "Too many jobs are waiting (" + QUEUE + "); try again later", 503);
        }
        return job;
    }

    /** Runs a job in the caller's thread (synchronous execution); not listed. */
    static Job runNow(String processId, String workspace, String owner, Work work) {
        Job job = new Job(UUID.randomUUID().toString(), processId, workspace, owner);
        run(job, work);
        return job;
    }

    /** The work of a job: its result, or a ServiceException for the client. */
    interface Work {
        Job.Result run(Job job);
    }

    private static void run(Job job, Work work) {
        if (job.status() == Job.Status.DISMISSED) return;
        job.started();
        try {
            job.succeeded(work.run(job));
        } catch (ServiceException e) {
            job.failed(e);
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory, a deep stack): the job must not stay "running" for ever
            job.failed(new ServiceException("NoApplicableCode", null,
                    "The process failed: " + e.getClass().getSimpleName(), 500));
            if (e instanceof VirtualMachineError v) throw v;
        }
    }

    Optional<Job> get(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    List<Job> list() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    /** Removes a job; one that has not started yet will not run. */
    Optional<Job> dismiss(String id) {
        synchronized (jobs) {
            Job j = jobs.remove(id);
            if (j != null) j.dismissed();
            return Optional.ofNullable(j);
        }
    }

    private void trim() {
        long old = System.currentTimeMillis() - KEEP_MILLIS;
        Iterator<Job> it = jobs.values().iterator();
        while (it.hasNext()) {
            Job j = it.next();
            if (j.done() && (jobs.size() > KEPT || j.created.toEpochMilli() < old)) it.remove();
        }
    }
}
