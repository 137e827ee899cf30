package org.filedock.cli.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The shell commands by their words (names and aliases), case-insensitive. */
public final class CommandRegistry {

    private final Map<String, ShellCommand> byWord = new HashMap<>();
    private final List<ShellCommand> commands = new ArrayList<>();

    /** @throws IllegalArgumentException when one of the command's words is taken already */
    public CommandRegistry register(ShellCommand command) {
        CommandSpec spec = command.spec();
        List<String> words = new ArrayList<>();
        words.add(spec.name());
        words.addAll(spec.aliases());
        for (String word : words) {
            if (byWord.containsKey(key(word))) {
                throw new IllegalArgumentException("command word registered twice: " + word);
            }
        }
        words.forEach(word -> byWord.put(key(word), command));
        commands.add(command);
        return this;
    }

    public Optional<ShellCommand> find(String word) {
        return Optional.ofNullable(byWord.get(key(word)));
    }

    /** In the order they were registered, which is the order HELP shows. */
    public List<ShellCommand> commands() {
        return Collections.unmodifiableList(commands);
    }

    /** Every name and alias, upper-case and sorted, for completion. */
    public List<String> words() {
        return byWord.keySet().stream().sorted().toList();
    }

    private static String key(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
