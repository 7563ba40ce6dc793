package vn.hailong.index.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of methodologies, archived inputs and results. Map entries are sorted, so the same
 * inputs always give the same text and therefore the same hash.
 */
public final class IndexJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private IndexJson() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /**
     * Whether a recomputed value agrees with a stored one on everything the stored one holds: a
     * figure added to results after a snapshot was stored (absent from its JSON) does not make its
     * recomputation differ, any other difference does.
     */
    public static boolean agrees(String stored, String recomputed) {
        return agrees(MAPPER.readTree(stored), MAPPER.readTree(recomputed));
    }

    private static boolean agrees(JsonNode stored, JsonNode recomputed) {
        if (stored.isObject()) {
            if (!recomputed.isObject()) {
                return false;
            }
            for (var field : stored.properties()) {
                JsonNode other = recomputed.get(field.getKey());
                if (other == null || !agrees(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (stored.isArray()) {
            if (!recomputed.isArray() || stored.size() != recomputed.size()) {
                return false;
            }
            for (int i = 0; i < stored.size(); i++) {
                if (!agrees(stored.get(i), recomputed.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return stored.equals(recomputed);
    }
}
