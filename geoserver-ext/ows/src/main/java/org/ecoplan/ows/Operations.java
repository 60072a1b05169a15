package org.ecoplan.ows;

import java.util.List;
import java.util.Optional;

/**
 * The operations of one service, looked up by the REQUEST value or the root element of a request;
 * the same table gives the names capabilities and error messages list.
 */
public final class Operations {
    private final List<Operation> operations;

    public Operations(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** The operation a REQUEST value or root element name selects, whatever the version. */
    public Optional<Operation> find(String requested) {
        for (Operation o : operations) if (o.answersTo(requested)) return Optional.of(o);
        return Optional.empty();
    }

    /** The names of the operations offered in a version, in table order. */
    public List<String> names(String version) {
        return operations.stream().filter(o -> o.offeredIn(version)).map(Operation::name).toList();
    }

    /** The names of every operation, in table order. */
    public List<String> names() {
        return operations.stream().map(Operation::name).toList();
    }
}
