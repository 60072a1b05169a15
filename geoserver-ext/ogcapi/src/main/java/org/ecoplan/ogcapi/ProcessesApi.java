package org.ecoplan.ogcapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;

/**
 * OGC API – Processes – Part 1: Core (OGC 18-062r2) beside the features: {@code /processes}
 * (clause 7.9), {@code /processes/{processId}} (7.10), {@code /processes/{processId}/execution}
 * (7.11, sync and async), {@code /jobs} (11), {@code /jobs/{jobId}} (7.12), its DELETE (13) and
 * {@code /jobs/{jobId}/results} (7.13). The one process is each workspace's plan check
 * ({@code plan-check}; {@code <workspace>:plan-check} at the global endpoint). A plain GET of the
 * execution path with {@code point=x,y} checks a point, for links and quick lookups.
 */
final class ProcessesApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCEPTIONS = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";

    private final ServiceContext context;
    /** One job list for the process's life: a catalog reload must not lose the jobs clients are polling. */
    private static final Jobs JOBS = new Jobs(2);
    private final Jobs jobs = JOBS;

    ProcessesApi(ServiceContext context) {
        this.context = context;
    }

    OwsResponse handle(OwsRequest r, CatalogView view, List<String> path, String api) {
        String method = r.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.get(0).equals("processes")) {
            if (path.size() == 1 && read) return processList(r, view, api);
            if (path.size() >= 2) {
                WorkspaceConfig ws = process(view, path.get(1));
                String processUrl = api + "/processes/" + Items.enc(path.get(1));
                if (path.size() == 2 && read) return description(r, path.get(1), processUrl);
                if (path.size() == 3 && path.get(2).equals("execution")) {
                    if (method.equals("POST")) return execute(r, ws, path.get(1), api);
                    if (read) return pointCheck(r, ws);
                }
            }
        } else if (path.get(0).equals("jobs")) {
            if (path.size() == 1 && read) return jobList(r, view, api);
            if (path.size() >= 2) {
                Job job = job(r, view, path.get(1));
                if (path.size() == 2 && read) return status(r, job, api);
                if (path.size() == 2 && method.equals("DELETE")) {
                    Job gone = jobs.dismiss(job.id).orElseThrow(() -> noSuchJob(path.get(1)));
                    return json(200, gone.statusInfo(api + "/jobs"));
                }
                if (path.size() == 3 && path.get(2).equals("results") && read) return results(job);
            }
        }
        if (!read && !method.equals("POST")) {
            throw new ServiceException("MethodNotAllowed", null, "HTTP method " + method + " is not allowed here", 405);
        }
        if (method.equals("POST")) {
            throw new ServiceException("MethodNotAllowed", null, "POST is allowed only on a process's execution", 405);
        }
        throw Problem.notFound("No resource at " + r.path());
    }

    /** The workspaces whose plan check this endpoint offers, by process id. */
    private static Map<String, WorkspaceConfig> processes(CatalogView view) {
        Map<String, WorkspaceConfig> out = new LinkedHashMap<>();
        for (WorkspaceConfig w : view.isGlobal() ? view.catalog().workspaces() : view.workspace().stream().toList()) {
            // offered to a caller who may read the plan's territory, the boundary every report starts from
            if (w.planCheck() == null || view.layer(w.name() + ":" + w.planCheck().boundary()).isEmpty()) continue;
            out.put(view.isGlobal() ? w.name() + ":" + PlanCheckProcess.ID : PlanCheckProcess.ID, w);
        }
        return out;
    }

    private static WorkspaceConfig process(CatalogView view, String id) {
        WorkspaceConfig w = processes(view).get(id);
        if (w == null) {
            throw new ServiceException(EXCEPTIONS + "no-such-process", null,
                    "No process '" + Problem.abbreviate(id) + "'", 404);
        }
        return w;
    }

    /** A job this caller may see: its own (or any, for an administrator), of this endpoint's workspace. */
    private Job job(OwsRequest r, CatalogView view, String id) {
        Optional<Job> j = jobs.get(id);
        if (j.isEmpty() || !visible(r, view, j.get())) throw noSuchJob(id);
        return j.get();
    }

    private static boolean visible(OwsRequest r, CatalogView view, Job j) {
        boolean here = view.isGlobal() || j.workspace.equals(view.workspace().orElseThrow().name());
        return here && (j.owner.equals(r.caller().name()) || r.caller().isAdmin());
    }

    private static ServiceException noSuchJob(String id) {
        return new ServiceException(EXCEPTIONS + "no-such-job", null, "No job '" + Problem.abbreviate(id) + "'", 404);
    }

    private OwsResponse status(OwsRequest r, Job job, String api) {
        onlyF(r);
        Map<String, Object> info = job.statusInfo(api + "/jobs");
        if (ApiFormat.of(r) == ApiFormat.JSON) return json(200, info);
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("作业 Job " + job.id, crumbs(api)).tableStart("项 Item", "值 Value");
            for (var e : info.entrySet()) if (!e.getKey().equals("links")) p.row(e.getKey(), e.getValue());
            p.tableEnd();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) info.get("links");
            p.links(links).end();
        });
    }

    /** The {@code limit} of a list (OGC 18-062r2 /req/core/pl-limit-definition): 1 … 10000, default 100. */
    private static int limit(OwsRequest r) {
        Problem.onlyParameters(r, "F", "LIMIT");
        String v = r.params().value("limit");
        if (v == null) return 100;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > 10_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("limit", "limit must be a whole number from 1 to 10000, not '"
                    + Problem.abbreviate(v) + "'");
        }
    }

    private OwsResponse processList(OwsRequest r, CatalogView view, String api) {
        int limit = limit(r);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : processes(view).keySet()) {
            if (list.size() < limit) list.add(PlanCheckProcess.summary(id, api + "/processes/" + Items.enc(id)));
        }
        Map<String, Object> doc = listDocument("processes", list, api + "/processes?f=json");
        if (ApiFormat.of(r) == ApiFormat.JSON) return json(200, doc);
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("处理过程 Processes", crumbs(api)).tableStart("过程 Process",
                    "说明 Description");
            for (Map<String, Object> s : list) {
                p.row(new String[]{String.valueOf(s.get("title")),
                        api + "/processes/" + Items.enc(String.valueOf(s.get("id"))) + "?f=html"},
                        s.get("description"));
            }
            p.tableEnd().end();
        });
    }

    private OwsResponse description(OwsRequest r, String id, String processUrl) {
        onlyF(r);
        Map<String, Object> doc = PlanCheckProcess.description(id, processUrl);
        if (ApiFormat.of(r) == ApiFormat.JSON) return json(200, doc);
        String api = processUrl.substring(0, processUrl.lastIndexOf("/processes/"));
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start(String.valueOf(doc.get("title")), crumbs(api))
                    .paragraph(String.valueOf(doc.get("description"))).heading("输入 Inputs")
                    .tableStart("名称 Name", "说明 Description");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> inputs = (Map<String, Map<String, Object>>) doc.get("inputs");
            for (var e : inputs.entrySet()) p.row(e.getKey(), e.getValue().get("description"));
            p.tableEnd().heading("输出 Outputs").tableStart("名称 Name", "说明 Description");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> outputs = (Map<String, Map<String, Object>>) doc.get("outputs");
            for (var e : outputs.entrySet()) p.row(e.getKey(), e.getValue().get("description"));
            p.tableEnd().paragraph("执行 Execute: POST " + processUrl + "/execution {\"inputs\": {\"site\": …}}; "
                    + "a point: GET " + processUrl + "/execution?point=lon,lat").end();
        });
    }

    private OwsResponse execute(OwsRequest r, WorkspaceConfig ws, String id, String api) {
        Problem.onlyParameters(r);
        ExecuteRequest request = ExecuteRequest.parse(r, PlanCheckProcess.INPUTS, PlanCheckProcess.OUTPUTS,
                PlanCheckProcess.MEDIA_TYPES);
        JsonNode crs = request.inputs().get("crs");
        if (crs != null && !crs.isTextual()) throw Problem.badRequest("crs", "The input 'crs' must be a string");
        // read the site before queuing, so a bad site is a 400 now, not a failed job later
        Site site = SiteInput.read(request.inputs().get("site"), crs == null ? null : crs.asText());
        List<String> outputs = request.outputs();
        boolean document = request.document();
        Jobs.Work work = job -> run(r, ws, site, outputs, document);
        if (request.async()) {
            Job job = jobs.submit(id, ws.name(), r.caller().name(), work);
            return json(201, job.statusInfo(api + "/jobs")).withHeader("Location", api + "/jobs/" + job.id)
                    .withHeader("Preference-Applied", "respond-async");
        }
        Job job = Jobs.runNow(id, ws.name(), r.caller().name(), work);
        if (job.failure() != null) throw job.failure();
        return answer(job.result());
    }

    private OwsResponse pointCheck(OwsRequest r, WorkspaceConfig ws) {
        Problem.onlyParameters(r, "POINT", "CRS", "F");
        String point = r.params().value("point");
        if (point == null) {
            throw new ServiceException("MethodNotAllowed", "point",
                    "Execute with POST (a JSON execute request), or check a point with GET ?point=x,y", 405);
        }
        Site site = SiteInput.point(point, r.params().value("crs"));
        Map<String, Object> report = new PlanCheck(context, ws, context.view(r.inWorkspace(ws.name())))
                .run(site, Items.deadline(context.settings()));
        return json(200, report);
    }

    private Job.Result run(OwsRequest r, WorkspaceConfig ws, Site site, List<String> outputs, boolean document) {
        long deadline = Items.deadline(context.settings());
        Map<String, Object> report = new PlanCheck(context, ws, context.view(r.inWorkspace(ws.name()))).run(site,
                deadline);
        byte[] map = outputs.contains("map")
                ? PlanCheckMap.png(context, r, ws.name(), ws.planCheck().map(), site)
                : null;
        return new Job.Result(report, map, outputs, document);
    }

    /** The results as the client asked: raw (one output as itself, several as multipart/related) or a document. */
    private static OwsResponse answer(Job.Result result) {
        if (result.document()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            for (String o : result.outputs()) {
                Map<String, Object> v = new LinkedHashMap<>();
                if (o.equals("report")) {
                    v.put("value", result.report());
                    v.put("mediaType", "application/json");
                } else {
                    v.put("value", Base64.getEncoder().encodeToString(result.map()));
                    v.put("mediaType", "image/png");
                    v.put("encoding", "base64");
                }
                doc.put(o, v);
            }
            return json(200, doc);
        }
        if (result.outputs().size() == 1) {
            return result.outputs().get(0).equals("report")
                    ? json(200, result.report())
                    : OwsResponse.bytes(200, "image/png", result.map());
        }
        // RFC 2387 multipart/related, one part per output, named by Content-ID (OGC 18-062r2 clause 7.11.4.3)
        String boundary = "ecoplan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String o : result.outputs()) {
            byte[] part = o.equals("report") ? bytes(result.report()) : result.map();
            String head = "--" + boundary + "\r\nContent-Type: " + PlanCheckProcess.MEDIA_TYPES.get(o)
                    + "\r\nContent-ID: <" + o + ">\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return OwsResponse.bytes(200, "multipart/related; boundary=\"" + boundary + "\"; type=\"application/json\"",
                body.toByteArray());
    }

    private OwsResponse results(Job job) {
        return switch (job.status()) {
            case SUCCESSFUL -> answer(job.result());
            case FAILED -> throw job.failure();
            default -> throw new ServiceException(EXCEPTIONS + "result-not-ready", null,
                    "Job " + job.id + " is " + job.status().code() + "; its results are not ready", 404);
        };
    }

    private OwsResponse jobList(OwsRequest r, CatalogView view, String api) {
        int limit = limit(r);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Job j : jobs.list()) {
            if (visible(r, view, j) && list.size() < limit) list.add(j.statusInfo(api + "/jobs"));
        }
        Map<String, Object> doc = listDocument("jobs", list, api + "/jobs?f=json");
        if (ApiFormat.of(r) == ApiFormat.JSON) return json(200, doc);
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("作业 Jobs", crumbs(api)).tableStart("作业 Job", "状态 Status",
                    "创建 Created");
            for (Map<String, Object> j : list) {
                p.row(new String[]{String.valueOf(j.get("jobID")), api + "/jobs/" + j.get("jobID")}, j.get("status"),
                        j.get("created"));
            }
            p.tableEnd().end();
        });
    }

    /** A list document of OGC 18-062r2 (processList, jobList): the entries and a self link. */
    private static Map<String, Object> listDocument(String key, List<Map<String, Object>> entries, String self) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(key, entries);
        doc.put("links", List.of(CollectionDocument.link(self, "self", "application/json", "this document")));
        return doc;
    }

    private static void onlyF(OwsRequest r) {
        Problem.onlyParameters(r, "F");
    }

    private static List<String[]> crumbs(String api) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{"首页 Home", api + "?f=html"});
        out.add(new String[]{"处理过程 Processes", api + "/processes?f=html"});
        return out;
    }

    private static byte[] bytes(Object doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OwsResponse json(int status, Object doc) {
        return OwsResponse.bytes(status, "application/json", bytes(doc));
    }

    private static OwsResponse html(OgcApiEndpoint.PageWriter page) {
        return OwsResponse.ok("text/html; charset=UTF-8", page::write);
    }
}
