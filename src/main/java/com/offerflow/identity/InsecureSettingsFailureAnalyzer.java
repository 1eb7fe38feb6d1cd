package com.offerflow.identity;

import com.offerflow.signing.SigningProductionCheck;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/** Says, when the production profile refuses to start, what is wrong and which environment variables to set. */
class InsecureSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettings.InsecureSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettings.InsecureSettingsException cause) {
        String description = "Offerflow refuses to start with the production profile:\n"
                + cause.problems().stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
        String action = """
                Take the secrets from the environment and start again:
                  OFFERFLOW_ADMIN_USER       the Camunda admin's user id (created at the first start only)
                  OFFERFLOW_ADMIN_PASSWORD   at least %d characters with upper and lower case letters, a digit and
                                             a symbol; not a default password, not the user id
                  OFFERFLOW_DB_PASSWORD      the database password (with the postgres profile)
                %s\
                and never combine the production profile with the demo or test profile."""
                .formatted(ProductionSettings.MIN_ADMIN_PASSWORD_LENGTH, SigningProductionCheck.ACTION.indent(2));
        return new FailureAnalysis(description, action, cause);
    }
}
