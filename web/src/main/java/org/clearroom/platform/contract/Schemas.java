package org.clearroom.platform.contract;

import jakarta.json.JsonObject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clearroom.platform.Length;
import org.clearroom.platform.Matches;
import org.clearroom.platform.Required;

/**
 * The component schemas of the wire types, read from the {@code api} records the way {@code RecordReader}
 * reads bodies: the same types, and the same {@link Required}, {@link Length} and {@link Matches} limits.
 * Records and enums become named components referenced with {@code $ref}; a generic record gets one
 * component per instantiation ({@code Page<Post>} is {@code PageOfPost}). A type with no JSON mapping
 * fails the build rather than appear as a bare {@code object}.
 *
 * <p>{@code required} lists the components a record always carries: those marked {@link Required} and
 * the primitive ones. Anything else may be absent (JSON-B leaves nulls out of answers).
 */
final class Schemas {

    private static final String REF = "#/components/schemas/";

    private final Map<String, Object> components = new TreeMap<>();

    /** Which type each component name stands for, so two types never share one name. */
    private final Map<String, String> owners = new HashMap<>();

    /** The components defined so far, by name. */
    Map<String, Object> components() {
        return components;
    }

    /** The schema of {@code type} where it is used: inline for scalars and lists, a reference otherwise. */
    Map<String, Object> of(Type type) {
        return of(type, Map.of(), "");
    }

    private Map<String, Object> of(Type type, Map<TypeVariable<?>, Type> bindings, String where) {
        if (type instanceof TypeVariable<?> variable) {
            var bound = bindings.get(variable);
            if (bound == null) {
                throw new IllegalStateException(where + ": unbound type variable " + variable.getName());
            }
            return of(bound, Map.of(), where);
        }
        if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return map("type", "array", "items", of(parameterized.getActualTypeArguments()[0], bindings, where));
            }
            var arguments = Arrays.stream(parameterized.getActualTypeArguments())
                    .map(argument -> resolve(argument, bindings, where))
                    .toList();
            if (raw.isRecord()) {
                return record(raw, arguments, where);
            }
            throw new IllegalStateException(where + ": no JSON mapping for " + type.getTypeName());
        }
        var plain = (Class<?>) type;
        var scalar = scalar(plain);
        if (scalar != null) {
            return scalar;
        }
        if (plain.isEnum()) {
            return enumeration(plain);
        }
        if (plain.isRecord()) {
            return record(plain, List.of(), where);
        }
        throw new IllegalStateException(where + ": no JSON mapping for " + plain.getName());
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings, String where) {
        if (type instanceof TypeVariable<?> variable) {
            var bound = bindings.get(variable);
            if (bound == null) {
                throw new IllegalStateException(where + ": unbound type variable " + variable.getName());
            }
            return bound;
        }
        return type;
    }

    private static Map<String, Object> scalar(Class<?> type) {
        if (type == String.class) {
            return map("type", "string");
        }
        if (type == Instant.class) {
            return map("type", "string", "format", "date-time");
        }
        if (type == int.class || type == Integer.class) {
            return map("type", "integer", "format", "int32");
        }
        if (type == long.class || type == Long.class) {
            return map("type", "integer", "format", "int64");
        }
        if (type == boolean.class || type == Boolean.class) {
            return map("type", "boolean");
        }
        if (type == double.class || type == Double.class) {
            return map("type", "number", "format", "double");
        }
        if (type == float.class || type == Float.class) {
            return map("type", "number", "format", "float");
        }
        if (JsonObject.class.isAssignableFrom(type)) {
            return map("type", "object");
        }
        return null;
    }

    private Map<String, Object> enumeration(Class<?> type) {
        var name = name(type, List.of());
        if (claim(name, type.getName())) {
            var values = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .toList();
            components.put(name, map("type", "string", "enum", values));
        }
        return map("$ref", REF + name);
    }

    private Map<String, Object> record(Class<?> type, List<Type> arguments, String where) {
        if (!type.getPackageName().startsWith("org.clearroom.")) {
            throw new IllegalStateException(where + ": " + type.getName() + " is not a Clearroom wire record");
        }
        var name = name(type, arguments);
        var identity = arguments.isEmpty()
                ? type.getName()
                : type.getName() + arguments.stream().map(Type::getTypeName).collect(Collectors.joining(",", "<", ">"));
        if (claim(name, identity)) {
            components.put(name, map("type", "object")); // placeholder while its own components are read
            var bindings = new HashMap<TypeVariable<?>, Type>();
            var variables = type.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], arguments.get(i));
            }
            var properties = new LinkedHashMap<String, Object>();
            var required = new ArrayList<String>();
            for (var component : type.getRecordComponents()) {
                var path = type.getSimpleName() + "." + component.getName();
                var schema = new LinkedHashMap<>(of(component.getGenericType(), bindings, path));
                limits(schema, component.getAnnotation(Length.class), component.getAnnotation(Matches.class), path);
                properties.put(component.getName(), schema);
                if (component.isAnnotationPresent(Required.class)
                        || component.getType().isPrimitive()) {
                    required.add(component.getName());
                }
            }
            var schema = map("type", "object");
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            schema.put("properties", properties);
            components.put(name, schema);
        }
        return map("$ref", REF + name);
    }

    private static void limits(Map<String, Object> schema, Length length, Matches matches, String where) {
        var type = schema.get("type");
        if (length != null) {
            if ("string".equals(type)) {
                if (length.min() > 0) {
                    schema.put("minLength", length.min());
                }
                schema.put("maxLength", length.max());
            } else if ("array".equals(type)) {
                if (length.min() > 0) {
                    schema.put("minItems", length.min());
                }
                schema.put("maxItems", length.max());
            } else {
                throw new IllegalStateException(where + ": @Length applies to text and lists only");
            }
        }
        if (matches != null) {
            if (!"string".equals(type)) {
                throw new IllegalStateException(where + ": @Matches applies to text only");
            }
            // RecordReader matches the whole text; an OpenAPI pattern matches anywhere unless anchored
            schema.put("pattern", "^(?:" + matches.regexp() + ")$");
            schema.put("description", matches.description());
        }
    }

    /** {@code Post}; a nested type after its enclosing ones ({@code SearchHitKind}); {@code PageOfPost}. */
    private static String name(Class<?> type, List<Type> arguments) {
        var name = new StringBuilder();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            name.insert(0, c.getSimpleName());
        }
        for (int i = 0; i < arguments.size(); i++) {
            name.append(i == 0 ? "Of" : "And").append(argumentName(arguments.get(i)));
        }
        return name.toString();
    }

    private static String argumentName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            var arguments = Arrays.asList(parameterized.getActualTypeArguments());
            return Collection.class.isAssignableFrom(raw)
                    ? "ListOf" + argumentName(arguments.get(0))
                    : name(raw, arguments);
        }
        return name((Class<?>) type, List.of());
    }

    /** True the first time {@code name} is met; fails when another type already has that name. */
    private boolean claim(String name, String identity) {
        var owner = owners.putIfAbsent(name, identity);
        if (owner != null && !owner.equals(identity)) {
            throw new IllegalStateException(
                    "two wire types would share the schema name " + name + ": " + owner + " and " + identity);
        }
        return owner == null;
    }

    static Map<String, Object> map(Object... namesAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
