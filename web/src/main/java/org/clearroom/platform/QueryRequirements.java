package org.clearroom.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.clearroom.platform.control.InvalidInput;

/**
 * A query parameter the operation does not read is refused (400 naming it) rather than silently ignored:
 * {@code ?LIMIT=5} or {@code ?limt=5} would otherwise answer a page of the default size, and the caller
 * would not learn that the parameter did nothing. The parameters an operation reads are those its method
 * and its {@link BeanParam}s declare with {@link QueryParam}, as the OpenAPI document lists them.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR + 1)
public class QueryRequirements implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> READ = new ConcurrentHashMap<>();

    @Context
    ResourceInfo operation;

    @Override
    public void filter(ContainerRequestContext request) {
        var method = operation.getResourceMethod();
        if (method == null) {
            return;
        }
        var read = READ.computeIfAbsent(method, QueryRequirements::parametersOf);
        var unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown.stream()
                    .map(name -> new FieldError(
                            TextRules.shown(name),
                            read.isEmpty()
                                    ? "is not a parameter of this operation, which reads none"
                                    : "is not a parameter of this operation; it reads " + String.join(", ", read)))
                    .toList());
        }
    }

    /** The query parameters {@code method} reads, directly or through its bean parameters. */
    static Set<String> parametersOf(Method method) {
        var names = new TreeSet<String>();
        for (var parameter : method.getParameters()) {
            var query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (var type = parameter.getType();
                        type != null && type != Object.class;
                        type = type.getSuperclass()) {
                    Arrays.stream(type.getDeclaredFields())
                            .map(field -> field.getAnnotation(QueryParam.class))
                            .filter(Objects::nonNull)
                            .forEach(field -> names.add(field.value()));
                }
            }
        }
        return Collections.unmodifiableSortedSet(names);
    }
}
