package org.followthrough.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything a build publishes: the site, its organisations and plans, as at one date. */
public record Archive(Site site, LocalDate asOf, List<Organisation> organisations, List<Plan> plans) {

    public Archive {
        organisations = List.copyOf(organisations);
        plans = List.copyOf(plans);
    }

    public Map<String, Organisation> organisationsById() {
        return organisations.stream().collect(Collectors.toUnmodifiableMap(Organisation::id, Function.identity()));
    }

    public Optional<Organisation> organisation(String id) {
        return organisations.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
