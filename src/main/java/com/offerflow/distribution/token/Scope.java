package com.offerflow.distribution.token;

import com.offerflow.image.registry.RepositoryName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scope a client asks the token service for: {@code repository:<name>:<action>[,<action>]} (the distribution
 * token spec). Only repository scopes with a valid name and known actions are understood; anything else (another
 * resource type such as {@code registry:catalog:*}, a wildcard or malformed name) is ignored, so the token simply
 * grants nothing for it.
 */
public record Scope(String repository, Set<String> actions) {

    /** Actions a client may ask for; {@code *} asks for all, which is never more than pull and push here. */
    private static final Set<String> KNOWN = Set.of(Access.PULL, Access.PUSH, "delete", "*");
    /** At most this many scopes are read from one request. */
    static final int MAX_SCOPES = 16;

    public Scope {
        actions = Set.copyOf(actions);
    }

    /** Every understood scope of the request's {@code scope} parameters (each may hold several, space-separated). */
    public static List<Scope> parseAll(List<String> parameters) {
        List<Scope> scopes = new ArrayList<>();
        if (parameters == null) {
            return scopes;
        }
        for (String parameter : parameters) {
            if (parameter == null || parameter.length() > 4096) {
                continue;
            }
            for (String one : parameter.trim().split("\\s+")) {
                if (scopes.size() >= MAX_SCOPES) {
                    return scopes;
                }
                parse(one).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    /** {@code repository:<name>:<actions>}; empty when it is anything else. */
    public static Optional<Scope> parse(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        String type = scope.substring(0, first);
        String name = scope.substring(first + 1, last);
        if (!Access.REPOSITORY.equals(type) || !RepositoryName.isValid(name)) {
            return Optional.empty();
        }
        Set<String> actions = new LinkedHashSet<>();
        for (String action : scope.substring(last + 1).split(",")) {
            if (KNOWN.contains(action)) {
                actions.add(action);
            }
        }
        return actions.isEmpty() ? Optional.empty() : Optional.of(new Scope(name, actions));
    }

    /** Whether the client asked for {@code action} (directly or with {@code *}). */
    public boolean asks(String action) {
        return actions.contains(action) || actions.contains("*");
    }
}
