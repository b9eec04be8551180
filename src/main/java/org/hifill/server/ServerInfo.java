package org.hifill.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hifill.image.ImageFormat;
import org.hifill.model.weights.Provenance;
import org.hifill.pipeline.Strategy;

/**
 * What {@code GET /api/info} tells: the model, the version, the limits and the formats.
 *
 * @param modelName the model directory's name
 * @param provenance where the model's weights come from, or {@code null} if unknown
 * @param version the project's version
 */
public record ServerInfo(String modelName, Provenance provenance, String version, ServerLimits limits) {

    /** The fields of the JSON answer. */
    Map<String, Object> asJson() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", modelName);
        if (provenance != null) {
            model.put("source", provenance.source());
            model.put("trainingSteps", provenance.trainingSteps());
            model.put("data", provenance.data());
            model.put("created", provenance.created());
        }
        Map<String, Object> limitFields = new LinkedHashMap<>();
        limitFields.put("maxPixels", limits.maxPixels());
        limitFields.put("maxUploadBytes", limits.maxUploadBytes());
        limitFields.put("workers", limits.workers());
        limitFields.put("queue", limits.queue());
        List<String> strategies = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            strategies.add(s.name().toLowerCase(java.util.Locale.ROOT));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("version", version);
        json.put("limits", limitFields);
        json.put("readFormats", readableFormats());
        json.put("writeFormats", writableFormats());
        json.put("strategies", strategies);
        return json;
    }

    static List<String> readableFormats() {
        List<String> ids = new ArrayList<>();
        for (ImageFormat f : ImageFormat.values()) {
            ids.add(f.id());
        }
        return ids;
    }

    static List<String> writableFormats() {
        List<String> ids = new ArrayList<>();
        for (ImageFormat f : ImageFormat.values()) {
            if (f.writable()) {
                ids.add(f.id());
            }
        }
        return ids;
    }
}
