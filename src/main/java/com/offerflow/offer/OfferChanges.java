package com.offerflow.offer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an offer's draft changes against its live version, field by field: each change has the field's path (as in
 * validation errors: {@code listing.name}, {@code plans[1].regions}), the live value and the draft value (null where
 * the field is absent on that side). Objects are compared field by field; lists of objects (plans, the preview
 * audience) entry by entry; lists of plain values (tags, regions, categories) as a whole, since their order is part
 * of what customers see.
 */
public record OfferChanges(String offerId, String livePublicationId, int draftRevision, List<Change> changes) {

    /** One changed field. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String path, JsonNode live, JsonNode draft) {
    }

    /** The changes from {@code live} to {@code draft}, both as JSON trees of an {@link OfferDocument}. */
    static List<Change> between(JsonNode live, JsonNode draft) {
        List<Change> changes = new ArrayList<>();
        compare("", live, draft, changes);
        return changes;
    }

    private static void compare(String path, JsonNode live, JsonNode draft, List<Change> changes) {
        live = live == null || live.isMissingNode() ? NullNode.getInstance() : live;
        draft = draft == null || draft.isMissingNode() ? NullNode.getInstance() : draft;
        if (live.equals(draft)) {
            return;
        }
        if (live.isObject() && draft.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            live.fieldNames().forEachRemaining(fields::add);
            draft.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                compare(path.isEmpty() ? field : path + "." + field, live.get(field), draft.get(field), changes);
            }
        } else if (live.isArray() && draft.isArray() && (hasObjects(live) || hasObjects(draft))) {
            for (int i = 0; i < Math.max(live.size(), draft.size()); i++) {
                compare(path + "[" + i + "]", live.get(i), draft.get(i), changes);
            }
        } else {
            changes.add(new Change(path, live.isNull() ? null : live, draft.isNull() ? null : draft));
        }
    }

    private static boolean hasObjects(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (it.next().isContainerNode()) {
                return true;
            }
        }
        return false;
    }
}
