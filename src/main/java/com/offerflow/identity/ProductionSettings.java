package com.offerflow.identity;

import com.offerflow.signing.SigningProductionCheck;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The production profile's start-up check: Offerflow refuses to start with demo users, an empty or default admin
 * user, a weak admin password, a server database without a password, the test settings that let publishers'
 * URLs reach private addresses or plain-http registries, or without the marketplace's signing key
 * ({@link SigningProductionCheck}). It runs before any bean is created, so a
 * refused start creates nothing, not even the admin user in the database. {@link InsecureSettingsFailureAnalyzer}
 * prints the problems and what to set.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionSettings {

    /** Passwords that ship with Camunda, this project or every tutorial. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of("admin", "demo", "camunda", "password", "changeme",
            "change-me", "secret", "offerflow", "postgres", "sa", "123456", "12345678", "123456789", "qwerty",
            "letmein", "welcome");
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(ProductionSettings.class);

    @Bean
    static BeanFactoryPostProcessor productionSettingsCheck(Environment environment) {
        return beanFactory -> {
            List<String> problems = problems(environment);
            if (!problems.isEmpty()) {
                throw new InsecureSettingsException(problems);
            }
            log.info("Production settings checked: no demo users, admin user and secrets from the environment");
        };
    }

    /** Everything wrong with the environment's settings for production, in plain words; empty when none. */
    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        Binder binder = Binder.get(environment);
        if (binder.bind("offerflow.demo.enabled", Boolean.class).orElse(false)) {
            problems.add("demo users are enabled (offerflow.demo.enabled=true, e.g. by the demo or test profile):"
                    + " they sign in with their names as passwords");
        }
        AdminUserProperty admin = binder.bind("camunda.bpm.admin-user", AdminUserProperty.class)
                .orElseGet(AdminUserProperty::new);
        String id = admin.getId() == null ? "" : admin.getId().trim();
        String password = admin.getPassword() == null ? "" : admin.getPassword();
        if (id.isEmpty()) {
            problems.add("the admin user is not set (OFFERFLOW_ADMIN_USER is empty)");
        }
        if (password.isBlank()) {
            problems.add("the admin password is not set (OFFERFLOW_ADMIN_PASSWORD is empty)");
        } else {
            problems.addAll(passwordProblems(admin, id, password));
        }
        // test conveniences that let a publisher's URL reach the server's own network or plain-text registries
        for (String openDoor : List.of("offerflow.images.allow-insecure-registries",
                "offerflow.images.allow-private-registries", "offerflow.leads.allow-private-addresses")) {
            if (binder.bind(openDoor, Boolean.class).orElse(false)) {
                problems.add(openDoor + " is on: publishers' URLs could reach this server's own network or be read"
                        + " in plain text; turn it off");
            }
        }
        // a key made at first start differs per node, and registries must trust its certificate before any token
        if (blank(environment.getProperty("offerflow.distribution.token-key"))
                || blank(environment.getProperty("offerflow.distribution.token-certificate"))) {
            problems.add("the registry token signing key is not configured: set OFFERFLOW_DISTRIBUTION_TOKEN_KEY (an EC"
                    + " P-256 private key, PEM) and OFFERFLOW_DISTRIBUTION_TOKEN_CERTIFICATE (its certificate, PEM,"
                    + " which every registry trusts as its auth.token.rootcertbundle)");
        }
                String url = environment.getProperty("spring.datasource.url", "");
        String dbPassword = environment.getProperty("spring.datasource.password", "");
        if (!url.startsWith("jdbc:h2:") && dbPassword.isBlank()) {
            problems.add("the database password is not set (OFFERFLOW_DB_PASSWORD is empty) for " + url);
        }
        problems.addAll(SigningProductionCheck.problems(environment));
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> passwordProblems(AdminUserProperty admin, String id, String password) {
        List<String> problems = new ArrayList<>();
        String lower = password.toLowerCase(Locale.ROOT);
        if (DEFAULT_PASSWORDS.contains(lower) || !id.isEmpty() && lower.contains(id.toLowerCase(Locale.ROOT))) {
            problems.add("the admin password is a default one or contains the user id");
        }
        if (password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            problems.add("the admin password is shorter than " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        if (!id.isEmpty()) {
            // the production profile turns Camunda's password policy on: the admin's password must pass it too
            admin.init();
            List<String> broken = new DefaultPasswordPolicyImpl().getRules().stream()
                    .filter(rule -> !rule.execute(password, admin))
                    .map(ProductionSettings::describe)
                    .filter(rule -> !rule.isEmpty())
                    .toList();
            if (!broken.isEmpty()) {
                problems.add("the admin password breaks Camunda's password policy: it needs "
                        + String.join(", ", broken));
            }
        }
        return problems;
    }

    private static String describe(PasswordPolicyRule rule) {
        String count = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
                : rule.getParameters().values().iterator().next();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> ""; // the stricter minimum above says it
            case "PASSWORD_POLICY_LOWERCASE" -> count + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> count + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> count + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> count + " symbol(s)";
            case "PASSWORD_POLICY_USER_DATA" -> "none of the user's id, names or e-mail address";
            default -> rule.getPlaceholder();
        };
    }

    /** The production profile's settings are not safe to start with. */
    static class InsecureSettingsException extends IllegalStateException {

        private final List<String> problems;

        InsecureSettingsException(List<String> problems) {
            super("Offerflow refuses to start with the production profile: " + String.join("; ", problems) + ".");
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
