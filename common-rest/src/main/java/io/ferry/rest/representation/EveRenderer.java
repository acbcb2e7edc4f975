package io.ferry.rest.representation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.EveDates;
import io.ferry.rest.query.CollectionQuery;
import io.ferry.rest.query.Projection;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore.Page;
import io.ferry.rest.store.StoredDocument;

/**
 * Documents and collections in Eve's JSON form: meta fields, {@code _links} (self, parent, collection,
 * related), and collection envelopes with {@code _items}, {@code _links} and {@code _meta}. Links follow the
 * original API: {@code /v1/<resource>/<id>} for items, {@code v1/<resource>?<query>} for pages.
 */
public final class EveRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EveRenderer() {
    }

    /** An item as a GET of it, or a write, returns it: with parent and collection links. */
    public static ObjectNode item(ResourceSchema schema, StoredDocument document, Projection projection) {
        ObjectNode item = document(schema, document, projection);
        ObjectNode links = (ObjectNode) item.get("_links");
        links.set("parent", link("home", "/"));
        links.set("collection", link(schema.resource(), "v1/" + schema.resource()));
        return item;
    }

    /** An item inside a collection: self and related links only. */
    public static ObjectNode document(ResourceSchema schema, StoredDocument document, Projection projection) {
        ObjectNode item = document.doc().deepCopy();
        projection.apply(item);
        item.put("_id", document.id());
        item.put("_created", EveDates.format(document.created()));
        item.put("_updated", EveDates.format(document.updated()));
        item.put("_etag", document.etag());
        ObjectNode links = NODES.objectNode();
        links.set("self", link(schema.itemTitle(), "/v1/" + schema.resource() + "/" + document.id()));
        ObjectNode related = NODES.objectNode();
        for (Field field : schema.fields().values()) {
            field.reference().ifPresent(reference -> {
                String target = document.text(field.name());
                if (target != null && !target.isEmpty()) {
                    related.set(field.name(), link(reference.title(), "/v1/" + reference.resource() + "/" + target));
                }
            });
        }
        if (!related.isEmpty()) {
            links.set("related", related);
        }
        item.set("_links", links);
        return item;
    }

    /**
     * @param rawQuery the request's query string as sent (or null); pagination links keep it and change only
     *                 {@code page}
     */
    public static ObjectNode collection(ResourceSchema schema, Page page, CollectionQuery query, String rawQuery) {
        ArrayNode items = NODES.arrayNode();
        page.items().forEach(document -> items.add(document(schema, document, query.projection())));
        int lastPage = (int) Math.max(1, (page.total() + query.maxResults() - 1) / query.maxResults());

        ObjectNode links = NODES.objectNode();
        links.set("parent", link("home", "/"));
        String base = "v1/" + schema.resource();
        links.set("self", link("/" + base, rawQuery == null || rawQuery.isEmpty() ? base : base + "?" + rawQuery));
        if (query.page() < lastPage) {
            links.set("next", link("next page", pageHref(base, rawQuery, query.page() + 1)));
            links.set("last", link("last page", pageHref(base, rawQuery, lastPage)));
        }
        if (query.page() > 1) {
            links.set("prev", link("previous page", pageHref(base, rawQuery, Math.min(query.page() - 1, lastPage))));
        }

        ObjectNode meta = NODES.objectNode();
        meta.put("page", query.page());
        meta.put("max_results", query.maxResults());
        meta.put("total", page.total());

        ObjectNode envelope = NODES.objectNode();
        envelope.set("_items", items);
        envelope.set("_links", links);
        envelope.set("_meta", meta);
        return envelope;
    }

    static String pageHref(String base, String rawQuery, int page) {
        List<String> parameters = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String parameter : rawQuery.split("&")) {
                if (!parameter.isEmpty() && !parameter.equals("page") && !parameter.startsWith("page=")) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add("page=" + page);
        return base + "?" + String.join("&", parameters);
    }

    private static ObjectNode link(String title, String href) {
        ObjectNode link = NODES.objectNode();
        link.put("title", title);
        link.put("href", href);
        return link;
    }
}
