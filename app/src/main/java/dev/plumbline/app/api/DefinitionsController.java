package dev.plumbline.app.api;

import dev.plumbline.sql.definitions.Definition;
import dev.plumbline.sql.definitions.Definitions;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/** The definitions catalog: every figure Plumbline shows, with its unit, formula, SQL and the fields that carry it. */
@Controller("/api/v1/definitions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class DefinitionsController {

    private final Definitions definitions;

    public DefinitionsController(Definitions definitions) {
        this.definitions = definitions;
    }

    /** Every definition, in the catalog's order. */
    @Get
    public List<Definition> all() {
        return definitions.all();
    }

    /**
     * One definition.
     *
     * @param id the figure's id, e.g. p95 or revenue-at-risk
     */
    @Get("/{id}")
    public Definition one(@PathVariable String id) {
        return definitions.find(id).orElseThrow(() -> RequestRefused.notFound("id", "no definition with id '" + id + "'"));
    }
}
