package org.clearroom.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.PayloadTooLarge;
import org.clearroom.platform.control.UnsupportedMediaType;

/**
 * Reads request bodies into the {@code api} records, strictly: malformed JSON, unknown fields, values
 * of the wrong JSON type, unknown enum names, missing required fields and over-long text are all
 * reported together, each with its field path, before anything reaches a boundary. The limits are
 * the {@link Required}, {@link Length} and {@link Matches} annotations on the record components, so
 * the contract is declared once, in {@code api}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class RecordReader implements MessageBodyReader<Record> {

    /**
     * Made once: {@code Json.createParser} looks the provider up through the service loader on every
     * call, which cost 7 % of the server's CPU under the forum benchmark.
     */
    private static final jakarta.json.stream.JsonParserFactory PARSERS = Json.createParserFactory(java.util.Map.of());

    /**
     * Bodies larger than this are refused with 413 before parsing. It bounds bytes on the wire only; the
     * documented limits are in characters, per field ({@link Length}). It leaves room for the largest
     * field (a 50,000-character post) in any encoding a client may choose: four UTF-8 bytes per
     * character, or twelve for a surrogate pair written as two JSON escapes.
     */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** No request record nests deeper than a few levels; a body that does is refused before it is parsed. */
    static final int MAX_DEPTH = 32;

    /** A body that JAX-RS left empty (no content at all) is refused like an empty JSON body. */
    public static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInput("body", "a JSON object is required");
        }
        return body;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("org.clearroom.");
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        var charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new UnsupportedMediaType(
                    "declares a charset other than UTF-8; JSON is exchanged as UTF-8 (RFC 8259 §8.1)");
        }
        byte[] body;
        try {
            body = entityStream.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException stalled) {
            // the client stopped sending (or went away): its mistake, not the server's failure
            throw new InvalidInput("body", "was not received in full: the connection stalled or closed");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge("body", "must be at most " + MAX_BODY_BYTES + " bytes");
        }
        var text = utf8(body);
        if (text.isBlank()) {
            throw new InvalidInput("body", "a JSON object is required");
        }
        if (depth(body) > MAX_DEPTH) {
            throw new InvalidInput("body", "nests objects and arrays deeper than " + MAX_DEPTH + " levels");
        }
        var duplicate = duplicateKey(body);
        if (duplicate != null) {
            throw new InvalidInput(duplicate, "is given more than once");
        }
        JsonValue value;
        try (var parser = PARSERS.createParser(new java.io.StringReader(text))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new InvalidInput("body", "must hold one JSON value, with nothing after it");
            }
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidInput(
                    "body",
                    "is not valid JSON"
                            + (at == null
                                    ? ""
                                    : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
        } catch (RuntimeException e) {
            // JsonException, and what parsers throw past their own limits (parsson: a bare RuntimeException)
            throw new InvalidInput("body", "is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        var errors = new ArrayList<FieldError>();
        var record = decode(type, value.asJsonObject(), "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return record;
    }

    /**
     * {@code body} as text, refusing what is not UTF-8 (RFC 3629): a stray byte, an overlong form, an encoded
     * surrogate. Decoding leniently would store U+FFFD where the sender wrote something else.
     *
     * @throws InvalidInput naming {@code body} and the offset of the first byte that starts no character
     */
    static String utf8(byte[] body) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(body);
        var out = CharBuffer.allocate(body.length);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidInput(
                    "body", "is not valid UTF-8: byte " + in.position() + " starts no character (RFC 8259 §8.1)");
        }
        return out.flip().toString();
    }

    /**
     * How deeply {@code json} nests objects and arrays, counted over the bytes without parsing them, so
     * that no parser recurses (or allocates) through a body nested thousands of levels deep.
     */
    static int depth(byte[] json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++; // the escaped character cannot end the string
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return deepest;
    }

    /**
     * The path of the first member named twice in one object, or null. Parsers disagree on which of two
     * {@code "role"} members wins, so a body that names one twice is refused, not guessed at. Malformed
     * JSON is left to the parse that follows, which says where it is.
     */
    static String duplicateKey(byte[] body) {
        var objects = new java.util.ArrayDeque<java.util.Set<String>>();
        var paths = new java.util.ArrayDeque<String>();
        String key = null;
        try (var parser = PARSERS.createParser(
                new InputStreamReader(new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> {
                        paths.push(paths.isEmpty() ? "" : paths.peek() + (key == null ? "" : key + "."));
                        objects.push(new HashSet<>());
                        key = null;
                    }
                    case START_ARRAY -> {
                        paths.push(paths.isEmpty() ? "" : paths.peek() + (key == null ? "" : key + "."));
                        objects.push(java.util.Set.of());
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        objects.pop();
                        paths.pop();
                        key = null;
                    }
                    case KEY_NAME -> {
                        key = parser.getString();
                        if (!objects.peek().add(key)) {
                            return paths.peek() + key;
                        }
                    }
                    default -> key = null;
                }
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return null;
    }

    /** Decodes {@code object} into {@code type}, adding every problem to {@code errors}. */
    static <R extends Record> R decode(Class<R> type, JsonObject object, String prefix, List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        var known = new HashSet<String>();
        for (var component : components) {
            known.add(component.getName());
        }
        object.keySet().stream()
                .filter(key -> !known.contains(key))
                .sorted()
                .forEach(key -> errors.add(new FieldError(
                        prefix + key,
                        "is not a known field; known fields are "
                                + Arrays.stream(components)
                                        .map(RecordComponent::getName)
                                        .collect(Collectors.joining(", ")))));
        Object[] values = new Object[components.length];
        int before = errors.size();
        for (int i = 0; i < components.length; i++) {
            var component = components[i];
            var path = prefix + component.getName();
            var json = object.get(component.getName());
            Object decoded = json == null || json.getValueType() == JsonValue.ValueType.NULL
                    ? null
                    : convert(component.getType(), component.getGenericType(), json, path, errors);
            if (decoded instanceof String text && component.isAnnotationPresent(SingleLine.class)) {
                // one name, one spelling: "é" typed as one character or as e and a combining accent
                decoded = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            check(component, decoded, path, errors);
            values[i] = decoded;
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, Type generic, JsonValue json, String path, List<FieldError> errors) {
        if (type == String.class) {
            if (json instanceof JsonString s) {
                var text = s.getString();
                var problem = TextRules.problem(text);
                if (problem != null) {
                    errors.add(new FieldError(path, problem));
                    return null;
                }
                return text;
            }
            errors.add(new FieldError(path, "must be a string"));
            return null;
        }
        if (type == Boolean.class || type == boolean.class) {
            if (json == JsonValue.TRUE || json == JsonValue.FALSE) {
                return json == JsonValue.TRUE;
            }
            errors.add(new FieldError(path, "must be true or false"));
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            if (json instanceof JsonNumber n && n.isIntegral()) {
                try {
                    long v = n.longValueExact();
                    if (type == Long.class || type == long.class) {
                        return v;
                    }
                    return Math.toIntExact(v);
                } catch (ArithmeticException e) {
                    errors.add(new FieldError(path, "is out of range"));
                    return null;
                }
            }
            errors.add(new FieldError(path, "must be an integer"));
            return null;
        }
        if (type.isEnum()) {
            var names = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            if (json instanceof JsonString s && names.contains(s.getString())) {
                return Enum.valueOf((Class) type, s.getString());
            }
            errors.add(new FieldError(path, "must be one of " + String.join(", ", names)));
            return null;
        }
        if (type == Instant.class) {
            var time =
                    json instanceof JsonString s ? DateTimes.parse(s.getString()) : java.util.Optional.<Instant>empty();
            if (time.isEmpty()) {
                errors.add(new FieldError(path, DateTimes.FORMAT));
            }
            return time.orElse(null);
        }
        if (type == List.class && generic instanceof ParameterizedType parameterized) {
            if (!(json instanceof JsonArray array)) {
                errors.add(new FieldError(path, "must be an array"));
                return null;
            }
            var elementType = parameterized.getActualTypeArguments()[0];
            var elementClass = elementType instanceof Class<?> c ? c : Object.class;
            var list = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                var element = array.get(i);
                if (element.getValueType() == JsonValue.ValueType.NULL) {
                    errors.add(new FieldError(path + "[" + i + "]", "must not be null"));
                    continue;
                }
                list.add(convert(elementClass, elementType, element, path + "[" + i + "]", errors));
            }
            return List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (type.isRecord()) {
            if (json instanceof JsonObject nested) {
                return decode((Class<Record>) type, nested, path + ".", errors);
            }
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        throw new IllegalStateException("no JSON mapping for " + type.getSimpleName());
    }

    private static void check(RecordComponent component, Object value, String path, List<FieldError> errors) {
        boolean required = component.isAnnotationPresent(Required.class);
        if (value == null) {
            // a value that failed to convert has its error already, possibly on a nested field
            boolean reported = errors.stream()
                    .anyMatch(e -> e.field().equals(path)
                            || e.field().startsWith(path + ".")
                            || e.field().startsWith(path + "["));
            if (required && !reported) {
                errors.add(new FieldError(path, "is required"));
            }
            return;
        }
        if (required && value instanceof String s && Blank.blank(s)) {
            errors.add(new FieldError(path, "must not be blank"));
            return;
        }
        if (value instanceof String s && component.isAnnotationPresent(SingleLine.class)) {
            var problem = TextRules.singleLineProblem(s);
            if (problem != null) {
                errors.add(new FieldError(path, problem));
                return;
            }
        }
        var length = component.getAnnotation(Length.class);
        if (length != null) {
            int actual = value instanceof String s
                    ? s.codePointCount(0, s.length())
                    : value instanceof List<?> l ? l.size() : -1;
            String unit = value instanceof String ? " characters" : " items";
            if (actual >= 0 && actual > length.max()) {
                errors.add(new FieldError(path, "must be at most " + length.max() + unit));
            } else if (actual >= 0 && actual < length.min()) {
                errors.add(new FieldError(path, "must be at least " + length.min() + unit));
            }
        }
        var matches = component.getAnnotation(Matches.class);
        if (matches != null && value instanceof String s && !s.matches(matches.regexp())) {
            errors.add(new FieldError(path, "must be " + matches.description()));
        }
    }
}
