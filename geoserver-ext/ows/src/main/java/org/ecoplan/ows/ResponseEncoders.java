package org.ecoplan.ows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The output formats of every operation, loaded once at start-up from the {@link ResponseEncoder}
 * registrations on the class path and handed to the services as a shared component.
 */
public final class ResponseEncoders {
    private final List<ResponseEncoder<?>> encoders;

    public ResponseEncoders(List<? extends ResponseEncoder<?>> encoders) {
        this.encoders = List.copyOf(encoders);
    }

    /** Every encoder registered with {@link ServiceLoader} and visible to a class loader. */
    public static ResponseEncoders load(ClassLoader loader) {
        List<ResponseEncoder<?>> found = new ArrayList<>();
        for (ResponseEncoder<?> e : ServiceLoader.load(ResponseEncoder.class, loader)) found.add(e);
        return new ResponseEncoders(found);
    }

    /** The registry the server built for a context. */
    public static ResponseEncoders of(ServiceContext context) {
        return context.component(ResponseEncoders.class);
    }

    /** The encoders of a result type, in registration order. */
    @SuppressWarnings("unchecked")
    public <T> List<ResponseEncoder<T>> all(Class<T> type) {
        List<ResponseEncoder<T>> out = new ArrayList<>();
        for (ResponseEncoder<?> e : encoders) if (e.type() == type) out.add((ResponseEncoder<T>) e);
        return out;
    }

    /** The encoders of a result type that a service offers in a version. */
    public <T> List<ResponseEncoder<T>> offered(Class<T> type, String service, String version) {
        return all(type).stream().filter(e -> e.offeredIn(service, version)).toList();
    }

    /** The offered encoder a requested name selects. */
    public <T> Optional<ResponseEncoder<T>> find(Class<T> type, String requested, String service, String version) {
        for (ResponseEncoder<T> e : offered(type, service, version)) if (e.matches(requested)) return Optional.of(e);
        return Optional.empty();
    }

    /** The offered encoder whose RESTful resource extension is {@code extension}. */
    public <T> Optional<ResponseEncoder<T>> byExtension(Class<T> type, String extension, String service,
            String version) {
        for (ResponseEncoder<T> e : offered(type, service, version)) {
            if (e.extension() != null && e.extension().equalsIgnoreCase(extension)) return Optional.of(e);
        }
        return Optional.empty();
    }
}
