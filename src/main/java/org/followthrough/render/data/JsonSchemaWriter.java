package org.followthrough.render.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.followthrough.model.Archive;
import org.followthrough.render.Routes;

/**
 * The JSON Schemas (draft 2020-12) of the JSON downloads that {@link JsonRenderer} writes, one per
 * kind of document, each standing alone (no reference leaves the file). They are published on the
 * site at {@link Routes#PLAN_SCHEMA}, {@link Routes#ORGANISATION_SCHEMA} and
 * {@link Routes#SITE_SCHEMA}, and the documents name them with {@code "$schema"}. Each is made from
 * the same declarations as the documents it describes ({@link JsonShape}).
 *
 * <p>The schemas are strict: every key is required (null where there is no value) and no other key
 * is allowed, so that a document that does not follow its schema fails the tests.
 */
public final class JsonSchemaWriter {

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemaWriter() {
    }

    public static String plan(Archive archive) {
        return document(archive, Routes.PLAN_SCHEMA, "Followthrough plan data", JsonRenderer.PLAN_DOCUMENT);
    }

    public static String organisation(Archive archive) {
        return document(archive, Routes.ORGANISATION_SCHEMA, "Followthrough organisation data", JsonRenderer.ORGANISATION_DOCUMENT);
    }

    public static String site(Archive archive) {
        return document(archive, Routes.SITE_SCHEMA, "Followthrough site data", JsonRenderer.SITE_DOCUMENT);
    }

    private static String document(Archive archive, String path, String title, JsonShape<?> shape) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", DIALECT);
        root.put("$id", Routes.url(archive.site(), path));
        root.put("title", title);
        root.putAll(shape.schema());
        root.put("$defs", JsonRenderer.defs());
        return Json.write(root);
    }
}
