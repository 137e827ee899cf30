package org.filedock.ejb.command;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the {@link Command} for a command word: every {@code Command} bean registers itself. */
@ApplicationScoped
public class CommandRegistry {

    @Inject
    @Any
    Instance<Command> commands;

    private Map<String, Command> byName;

    @PostConstruct
    void index() {
        Map<String, Command> map = new TreeMap<>();
        for (Command command : commands) {
            Command previous = map.put(command.name(), command);
            if (previous != null) {
                throw new IllegalStateException("two commands named " + command.name());
            }
        }
        byName = Collections.unmodifiableMap(map);
    }

    public Optional<Command> find(String verb) {
        return Optional.ofNullable(byName.get(verb));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
