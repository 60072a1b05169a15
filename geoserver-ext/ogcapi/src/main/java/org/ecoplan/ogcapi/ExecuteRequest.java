package org.ecoplan.ogcapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecoplan.ows.OwsRequest;

/**
 * An execute request of OGC API – Processes (OGC 18-062r2 clause 7.11.2, execute.yaml): the
 * inputs by name, the outputs asked for (all when none are named), the response form ("raw", the
 * default, or "document") and whether the client prefers an asynchronous answer (RFC 7240
 * {@code Prefer: respond-async}, clause 7.11.2.2).
 *
 * @param inputs   input name → value
 * @param outputs  the outputs to return, in the process's order
 * @param document whether the results come as a results document rather than raw
 * @param async    whether the client asked for an asynchronous execution
 */
record ExecuteRequest(Map<String, JsonNode> inputs, List<String> outputs, boolean document, boolean async) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the body is already capped by the server; nesting is capped here so a hostile body cannot recurse deep
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        JSON.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * @param inputNames  the inputs the process takes
     * @param outputNames the outputs it offers, in order
     * @param mediaTypes  each output's media type
     */
    static ExecuteRequest parse(OwsRequest request, Set<String> inputNames, List<String> outputNames,
            Map<String, String> mediaTypes) {
        if (request.body().length == 0) throw Problem.badRequest("body", "The execute request needs a JSON body");
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("application/json")) {
            throw new org.ecoplan.ows.ServiceException(org.ecoplan.ows.ServiceException.INVALID_PARAMETER_VALUE,
                    "Content-Type", "The execute request must be application/json, not " + Problem.abbreviate(type),
                    415);
        }
        JsonNode root;
        try {
            root = JSON.readTree(request.body());
        } catch (IOException e) {
            throw Problem.badRequest("body", "The execute request is not JSON: "
                    + Problem.abbreviate(String.valueOf(e.getMessage()).split("\n")[0]));
        }
        if (root == null || !root.isObject())
            throw Problem.badRequest("body", "The execute request must be a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!Set.of("inputs", "outputs", "response", "subscriber").contains(k)) {
                throw Problem.badRequest(k, "Unknown member '" + Problem.abbreviate(k) + "' of the execute request");
            }
        }
        if (root.has("subscriber")) {
            throw Problem.badRequest("subscriber", "Callbacks (subscriber) are not supported: poll the job instead");
        }
        JsonNode in = root.path("inputs");
        if (!in.isObject()) throw Problem.badRequest("inputs", "The execute request needs an 'inputs' object");
        Map<String, JsonNode> inputs = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext();) {
            var e = it.next();
            if (!inputNames.contains(e.getKey())) {
                throw Problem.badRequest(e.getKey(),
                        "Unknown input '" + Problem.abbreviate(e.getKey()) + "'; the inputs are "
                                + String.join(", ", inputNames));
            }
            inputs.put(e.getKey(), e.getValue());
        }
        Set<String> asked = new LinkedHashSet<>();
        JsonNode out = root.path("outputs");
        if (!out.isMissingNode() && !out.isNull()) {
            if (!out.isObject()) throw Problem.badRequest("outputs", "'outputs' must be an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext();) {
                var e = it.next();
                if (!outputNames.contains(e.getKey())) {
                    throw Problem.badRequest(e.getKey(), "Unknown output '" + Problem.abbreviate(e.getKey())
                            + "'; the outputs are " + String.join(", ", outputNames));
                }
                JsonNode mode = e.getValue().path("transmissionMode");
                if (!mode.isMissingNode() && !"value".equals(mode.asText())) {
                    throw Problem.badRequest("transmissionMode", "Only transmissionMode 'value' is offered");
                }
                JsonNode media = e.getValue().path("format").path("mediaType");
                if (!media.isMissingNode() && !media.asText().equals(mediaTypes.get(e.getKey()))) {
                    throw Problem.badRequest("format", "Output '" + e.getKey() + "' is offered as "
                            + mediaTypes.get(e.getKey()) + " only");
                }
                asked.add(e.getKey());
            }
        }
        List<String> outputs = new ArrayList<>();
        for (String o : outputNames) if (asked.isEmpty() || asked.contains(o)) outputs.add(o);
        String response = root.path("response").asText("raw");
        if (!response.equals("raw") && !response.equals("document")) {
            throw Problem.badRequest("response", "'response' must be raw or document, not '"
                    + Problem.abbreviate(response) + "'");
        }
        String prefer = request.header("prefer");
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        return new ExecuteRequest(inputs, outputs, response.equals("document"), async);
    }
}
