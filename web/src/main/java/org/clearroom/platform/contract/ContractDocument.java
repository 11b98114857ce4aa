package org.clearroom.platform.contract;

import static org.clearroom.platform.contract.Schemas.map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clearroom.platform.Paging;
import org.clearroom.platform.Problem;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Writes the OpenAPI 3.0.3 document of the REST API from the compiled classes: the build runs it after
 * compiling and the WAR serves the result as its static document ({@code META-INF/openapi.json}), with
 * Payara's own scan disabled. Paths and operations come from the JAX-RS annotations, words from the
 * MicroProfile OpenAPI ones, bodies and answers from the {@code api} records (see {@link Schemas}).
 *
 * <p>What each operation answers besides its success:
 *
 * <ul>
 *   <li>400 when it takes a body or query parameters (every bad field is named);
 *   <li>401 unless it is public (an empty {@code @SecurityRequirements});
 *   <li>403 when it is not public and changes something (roles, permissions, and the CSRF header of
 *       session callers) or names a resource by path; operations that need a role without naming a
 *       resource say so with {@code @APIResponse(responseCode = "403")};
 *   <li>404 when it names a resource by path (absent, or not visible to the caller);
 *   <li>413 and 415 when it takes a body (too large; no or another Content-Type);
 *   <li>anything else (409, 429, 503, ...) where an {@code @APIResponse} says so.
 * </ul>
 *
 * An {@code @APIResponse} replaces the answer of its status code. A method returning {@link Response}
 * must state its success answer with one, or the build fails: its signature does not tell.
 */
public final class ContractDocument {

    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "options", "head", "patch");

    private static final Set<String> SAFE = Set.of("get", "head", "options");

    private final Class<?> application;
    private final List<Class<?>> resources;
    private final Schemas schemas = new Schemas();
    private final Map<String, Map<String, Object>> paths = new TreeMap<>();
    private final Map<String, Object> tags = new TreeMap<>();
    private final Set<String> operationIds = new HashSet<>();
    private final List<String> unstated = new ArrayList<>();

    ContractDocument(List<Class<?>> classes) {
        var applications = classes.stream()
                .filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                .toList();
        if (applications.size() != 1) {
            throw new IllegalStateException("expected one @ApplicationPath class, found " + applications);
        }
        this.application = applications.get(0);
        this.resources = classes.stream()
                .filter(c -> c.isAnnotationPresent(Path.class) && !c.isInterface())
                .toList();
    }

    /** Writes the document to the file named by the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ContractDocument FILE (the OpenAPI document to write)");
        }
        var file = java.nio.file.Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, JsonText.of(ofCompiledClasses()));
    }

    /** The document of the classes compiled beside this one (the web module's classes directory). */
    public static Map<String, Object> ofCompiledClasses() {
        return new ContractDocument(compiledClasses()).document();
    }

    /** Every top-level class in the classes directory this class was loaded from, by name. */
    static List<Class<?>> compiledClasses() {
        java.nio.file.Path root;
        try {
            root = java.nio.file.Path.of(ContractDocument.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the contract is read from a classes directory, not from " + root);
        }
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.contains("-"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .<Class<?>>map(ContractDocument::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ContractDocument.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> document() {
        var root = application.getAnnotation(ApplicationPath.class).value();
        for (var resource : resources) {
            var methods = Arrays.stream(resource.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                    .sorted(Comparator.comparing(Method::toGenericString))
                    .toList();
            for (var method : methods) {
                var verb = verb(method);
                if (verb != null) {
                    add(root, resource, method, verb);
                }
            }
        }
        if (!unstated.isEmpty()) {
            throw new IllegalStateException("these methods return a Response, so they must state their success"
                    + " answer with @APIResponse (code, and content unless it has none): " + unstated);
        }
        schemas.of(Problem.class);

        var definition = application.getAnnotation(OpenAPIDefinition.class);
        var document = map("openapi", "3.0.3");
        var info = map(
                "title", definition.info().title(), "version", definition.info().version());
        if (!definition.info().description().isEmpty()) {
            info.put("description", definition.info().description());
        }
        document.put("info", info);
        document.put("security", requirements(definition.security()));
        document.put("tags", new ArrayList<>(tags.values()));
        document.put("paths", paths);
        document.put("components", map("schemas", schemas.components(), "securitySchemes", securitySchemes()));
        return document;
    }

    private void add(String root, Class<?> resource, Method method, String verb) {
        var described = method.getAnnotation(Operation.class);
        if (described != null && described.hidden()) {
            return;
        }
        var where = resource.getSimpleName() + "." + method.getName();
        var path = path(root, value(resource.getAnnotation(Path.class)), value(method.getAnnotation(Path.class)));
        var operation = new LinkedHashMap<String, Object>();
        var operationTags = tags(resource, method);
        if (!operationTags.isEmpty()) {
            operation.put("tags", operationTags);
        }
        if (described != null && !described.summary().isEmpty()) {
            operation.put("summary", described.summary());
        }
        if (described != null && !described.description().isEmpty()) {
            operation.put("description", described.description());
        }
        var operationId = described != null && !described.operationId().isEmpty()
                ? described.operationId()
                : resource.getSimpleName().replaceFirst("Resource$", "") + "_" + method.getName();
        if (!operationIds.add(operationId)) {
            throw new IllegalStateException(where + ": operationId " + operationId + " is taken");
        }
        operation.put("operationId", operationId);

        var inputs = inputs(method, where);
        if (!inputs.parameters().isEmpty()) {
            operation.put("parameters", inputs.parameters());
        }
        var consumes = mediaTypes(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class));
        if (inputs.body() != null) {
            var requestBody = new LinkedHashMap<String, Object>();
            var about = inputs.body().getAnnotation(RequestBody.class);
            if (about != null && !about.description().isEmpty()) {
                requestBody.put("description", about.description());
            }
            requestBody.put("required", true);
            requestBody.put(
                    "content", content(consumes, schemas.of(inputs.body().getParameterizedType())));
            operation.put("requestBody", requestBody);
        }

        var requirements = requirements(resource, method);
        boolean open = requirements != null && requirements.length == 0;
        var responses = success(resource, method, where);
        responses.putAll(problems(inputs, consumes, verb, open));
        responses.putAll(stated(resource, method, where));
        operation.put("responses", responses);

        if (open) {
            // anyone may call it: one requirement naming no scheme. (An empty list would say the same,
            // but Payara drops empty lists from the document it serves, and the operation would then
            // inherit the document's bearer-or-session requirement.)
            operation.put("security", List.of(Map.of()));
        } else if (requirements != null) {
            operation.put("security", requirements(requirements));
        }
        if (method.isAnnotationPresent(Deprecated.class) || (described != null && described.deprecated())) {
            operation.put("deprecated", true);
        }
        var item = paths.computeIfAbsent(path, p -> new TreeMap<>(Comparator.comparingInt(VERBS::indexOf)));
        if (item.put(verb, operation) != null) {
            throw new IllegalStateException(where + ": " + verb + " " + path + " is declared twice");
        }
    }

    /** The tag names of the method, or else of its class; the document lists each once. */
    private List<String> tags(Class<?> resource, Method method) {
        var found = method.getAnnotationsByType(Tag.class);
        if (found.length == 0) {
            found = resource.getAnnotationsByType(Tag.class);
        }
        for (var tag : found) {
            var entry = map("name", tag.name());
            if (!tag.description().isEmpty()) {
                entry.put("description", tag.description());
            }
            if (entry.size() > 1 || !tags.containsKey(tag.name())) {
                tags.put(tag.name(), entry);
            }
        }
        return Arrays.stream(found).map(Tag::name).toList();
    }

    /** What a request carries: parameters, and the one unannotated method parameter as its body. */
    private record Inputs(List<Map<String, Object>> parameters, java.lang.reflect.Parameter body) {

        boolean in(String where) {
            return parameters.stream().anyMatch(p -> p.get("in").equals(where));
        }
    }

    private Inputs inputs(Method method, String where) {
        var parameters = new ArrayList<Map<String, Object>>();
        java.lang.reflect.Parameter body = null;
        for (var parameter : method.getParameters()) {
            var about = parameter.getAnnotation(Parameter.class);
            if (parameter.isAnnotationPresent(PathParam.class)) {
                parameters.add(
                        parameter(parameter.getAnnotation(PathParam.class).value(), "path", about));
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                parameters.add(
                        parameter(parameter.getAnnotation(QueryParam.class).value(), "query", about));
            } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                parameters.add(
                        parameter(parameter.getAnnotation(HeaderParam.class).value(), "header", about));
            } else if (parameter.isAnnotationPresent(CookieParam.class)) {
                parameters.add(
                        parameter(parameter.getAnnotation(CookieParam.class).value(), "cookie", about));
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                if (parameter.getType() != Paging.class) {
                    throw new IllegalStateException(where + ": no contract for @BeanParam " + parameter.getType());
                }
                parameters.addAll(paging());
            } else if (parameter.isAnnotationPresent(FormParam.class)
                    || parameter.isAnnotationPresent(MatrixParam.class)) {
                throw new IllegalStateException(where + ": no contract for form or matrix parameters yet");
            } else if (!parameter.isAnnotationPresent(Context.class)) {
                if (body != null) {
                    throw new IllegalStateException(where + ": two request bodies");
                }
                body = parameter;
            }
        }
        for (var about : method.getAnnotationsByType(Parameter.class)) {
            var existing = parameters.stream()
                    .filter(p -> p.get("name").equals(about.name()))
                    .findFirst();
            if (existing.isPresent()) {
                describe(existing.get(), about);
            } else if (about.in() != ParameterIn.DEFAULT) {
                parameters.add(parameter(about.name(), about.in().name().toLowerCase(Locale.ROOT), about));
            } else {
                throw new IllegalStateException(where + ": @Parameter " + about.name() + " names no parameter");
            }
        }
        return new Inputs(parameters, body);
    }

    /** The method's, else its class's, security requirements; null when neither says (the document's). */
    private static SecurityRequirement[] requirements(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(SecurityRequirements.class)
                || method.isAnnotationPresent(SecurityRequirement.class)) {
            return method.getAnnotationsByType(SecurityRequirement.class);
        }
        if (resource.isAnnotationPresent(SecurityRequirements.class)
                || resource.isAnnotationPresent(SecurityRequirement.class)) {
            return resource.getAnnotationsByType(SecurityRequirement.class);
        }
        return null;
    }

    /** The success answer the signature tells, unless an {@code @APIResponse} states one. */
    private Map<String, Object> success(Class<?> resource, Method method, String where) {
        var responses = new TreeMap<String, Object>();
        if (Arrays.stream(method.getAnnotationsByType(APIResponse.class)).anyMatch(r -> success(r.responseCode()))) {
            return responses;
        }
        if (method.getReturnType() == Response.class) {
            unstated.add(where);
        } else if (method.getReturnType() == void.class) {
            responses.put("204", map("description", reason("204")));
        } else {
            responses.put("200", map("description", reason("200"), "content", returned(resource, method)));
        }
        return responses;
    }

    /** The problems the rules in this class's description give the operation. */
    private static Map<String, Object> problems(Inputs inputs, List<String> consumes, String verb, boolean open) {
        var responses = new TreeMap<String, Object>();
        boolean byPath = inputs.in("path");
        if (inputs.body() != null || inputs.in("query")) {
            responses.put("400", problem("Invalid input: errors names each bad field or parameter"));
        }
        if (!open) {
            responses.put(
                    "401", problem("No valid credentials: the bearer token or session is missing, expired or revoked"));
        }
        if (!open && (byPath || !SAFE.contains(verb))) {
            responses.put(
                    "403",
                    problem("Not allowed: the caller lacks the role or permission"
                            + (SAFE.contains(verb) ? "" : ", or a session caller sent no X-CSRF-Token header")));
        }
        if (byPath) {
            responses.put("404", problem("No such resource, or one the caller may not see"));
        }
        if (inputs.body() != null) {
            responses.put(
                    "413",
                    problem("The body is larger than " + RecordReader.MAX_BODY_BYTES / 1024
                            + " KiB (limits of its fields are in characters: see each schema)"));
            responses.put(
                    "415", problem("The body is not " + String.join(" or ", consumes) + ", or says no Content-Type"));
        }
        return responses;
    }

    /** The answers the method's {@code @APIResponse} annotations state. */
    private Map<String, Object> stated(Class<?> resource, Method method, String where) {
        var responses = new TreeMap<String, Object>();
        var produces = mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        for (var response : method.getAnnotationsByType(APIResponse.class)) {
            var code = response.responseCode();
            if (!code.matches("[1-5][0-9][0-9]")) {
                throw new IllegalStateException(where + ": @APIResponse needs a status code, not '" + code + "'");
            }
            var answer = map("description", response.description().isEmpty() ? reason(code) : response.description());
            if (response.headers().length > 0) {
                var headers = new LinkedHashMap<String, Object>();
                for (var header : response.headers()) {
                    headers.put(header.name(), header(header));
                }
                answer.put("headers", headers);
            }
            if (response.content().length > 0) {
                var content = new LinkedHashMap<String, Object>();
                for (var stating : response.content()) {
                    var mediaType = !stating.mediaType().isEmpty()
                            ? stating.mediaType()
                            : success(code) ? produces.get(0) : Problem.MEDIA_TYPE;
                    content.put(mediaType, map("schema", schema(stating.schema(), where)));
                }
                answer.put("content", content);
            } else if (!success(code)) {
                answer.put("content", problemContent());
            } else if (method.getReturnType() != Response.class && method.getReturnType() != void.class) {
                answer.put("content", returned(resource, method));
            }
            responses.put(code, answer);
        }
        return responses;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            var designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }

    /** {@code /api/rooms/{id}}: the parts joined with single slashes, templates without their regex. */
    static String path(String... parts) {
        return Arrays.stream(parts)
                .map(part -> part.replaceAll("^/+|/+$", ""))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining("/", "/", ""))
                .replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }

    private Map<String, Object> parameter(String name, String in, Parameter about) {
        var parameter = map("name", name, "in", in, "schema", map("type", "string"));
        if (in.equals("path")) {
            parameter.put("required", true);
        }
        if (about != null) {
            describe(parameter, about);
        }
        return ordered(parameter);
    }

    private void describe(Map<String, Object> parameter, Parameter about) {
        var stated = about.schema();
        if (stated.implementation() != Void.class || stated.type() != SchemaType.DEFAULT) {
            parameter.put("schema", schema(stated, "parameter " + about.name()));
        }
        if (!about.description().isEmpty()) {
            parameter.put("description", about.description());
        }
        if (about.required()) {
            parameter.put("required", true);
        }
        var ordered = ordered(parameter);
        parameter.clear();
        parameter.putAll(ordered);
    }

    private static Map<String, Object> ordered(Map<String, Object> parameter) {
        var ordered = new LinkedHashMap<String, Object>();
        for (var key : List.of("name", "in", "description", "required", "schema")) {
            if (parameter.containsKey(key)) {
                ordered.put(key, parameter.get(key));
            }
        }
        return ordered;
    }

    /** The listing parameters every {@link Paging} takes. */
    private static List<Map<String, Object>> paging() {
        return List.of(
                map(
                        "name",
                        "order",
                        "in",
                        "query",
                        "description",
                        Paging.ORDER,
                        "schema",
                        map("type", "string", "enum", List.of("newest", "oldest"))),
                map(
                        "name",
                        "limit",
                        "in",
                        "query",
                        "description",
                        Paging.LIMIT,
                        "schema",
                        map("type", "integer", "format", "int32", "minimum", 1, "maximum", Paging.MAX_PAGE)),
                map("name", "cursor", "in", "query", "description", Paging.CURSOR, "schema", map("type", "string")));
    }

    private static List<String> mediaTypes(Consumes method, Consumes resource) {
        var types = method != null ? method.value() : resource != null ? resource.value() : new String[0];
        return types.length == 0 ? List.of(MediaType.APPLICATION_JSON) : List.of(types);
    }

    private static List<String> mediaTypes(Produces method, Produces resource) {
        var types = method != null ? method.value() : resource != null ? resource.value() : new String[0];
        return types.length == 0 ? List.of(MediaType.APPLICATION_JSON) : List.of(types);
    }

    /** The method's return type as the content of each media type it produces. */
    private Map<String, Object> returned(Class<?> resource, Method method) {
        var produces = mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        return content(produces, schemas.of(method.getGenericReturnType()));
    }

    private static Map<String, Object> content(List<String> mediaTypes, Map<String, Object> schema) {
        var content = new LinkedHashMap<String, Object>();
        mediaTypes.forEach(type -> content.put(type, map("schema", schema)));
        return content;
    }

    private Map<String, Object> schema(Schema stated, String where) {
        if (stated.implementation() != Void.class) {
            return schemas.of(stated.implementation());
        }
        if (stated.type() == SchemaType.DEFAULT) {
            throw new IllegalStateException(where + ": @Schema needs an implementation or a type");
        }
        var schema = map("type", stated.type().name().toLowerCase(Locale.ROOT));
        if (!stated.format().isEmpty()) {
            schema.put("format", stated.format());
        }
        return schema;
    }

    private static Map<String, Object> header(Header header) {
        var described = new LinkedHashMap<String, Object>();
        if (!header.description().isEmpty()) {
            described.put("description", header.description());
        }
        var schema = header.schema();
        described.put(
                "schema",
                map(
                        "type",
                        schema.type() == SchemaType.DEFAULT
                                ? "string"
                                : schema.type().name().toLowerCase(Locale.ROOT)));
        return described;
    }

    private static Map<String, Object> problem(String description) {
        return map("description", description, "content", problemContent());
    }

    private static Map<String, Object> problemContent() {
        return map(Problem.MEDIA_TYPE, map("schema", map("$ref", "#/components/schemas/Problem")));
    }

    private static boolean success(String code) {
        return code.startsWith("2") || code.startsWith("3");
    }

    private static String reason(String code) {
        var status = Response.Status.fromStatusCode(Integer.parseInt(code));
        return status == null ? "Status " + code : status.getReasonPhrase();
    }

    private static List<Object> requirements(SecurityRequirement[] requirements) {
        return Arrays.stream(requirements)
                .<Object>map(r -> map(r.name(), List.of(r.scopes())))
                .toList();
    }

    private Map<String, Object> securitySchemes() {
        var schemes = new TreeMap<String, Object>();
        for (var scheme : application.getAnnotationsByType(SecurityScheme.class)) {
            var described = new LinkedHashMap<String, Object>();
            if (scheme.type() == SecuritySchemeType.HTTP) {
                described.put("type", "http");
                described.put("scheme", scheme.scheme());
                if (!scheme.bearerFormat().isEmpty()) {
                    described.put("bearerFormat", scheme.bearerFormat());
                }
            } else if (scheme.type() == SecuritySchemeType.APIKEY) {
                described.put("type", "apiKey");
                described.put("name", scheme.apiKeyName());
                described.put("in", scheme.in().name().toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalStateException("no contract for security schemes of type " + scheme.type());
            }
            if (!scheme.description().isEmpty()) {
                described.put("description", scheme.description());
            }
            schemes.put(scheme.securitySchemeName(), described);
        }
        return schemes;
    }
}
