package com.offerflow.demo;

import com.offerflow.identity.Groups;
import com.offerflow.identity.IdentitySetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users (the admin comes from {@code camunda.bpm.admin-user}): publishers alice (organisation
 * contoso) and bob (fabrikam), certification reviewer rachel and operator oscar, each with the password of its
 * name. Created only where missing, so a restart keeps what was changed in Camunda Admin.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
@ConditionalOnProperty(name = "offerflow.demo.enabled", havingValue = "true")
class DemoUsers extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** The roles' groups exist already: {@link IdentitySetup} runs first. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        organisation(identity, "contoso", "Contoso");
        organisation(identity, "fabrikam", "Fabrikam");
        user(identity, "alice", "Alice", "Publisher", "alice@contoso.example", Groups.publisherGroup("contoso"));
        user(identity, "bob", "Bob", "Publisher", "bob@fabrikam.example", Groups.publisherGroup("fabrikam"));
        user(identity, "rachel", "Rachel", "Reviewer", "rachel@offerflow.example", Groups.CERTIFICATION_REVIEWERS);
        user(identity, "oscar", "Oscar", "Operator", "oscar@offerflow.example", Groups.OPERATORS);
        user(identity, "scanner", "Scan", "Worker", "scanner@offerflow.example", Groups.SCAN_WORKERS);
        log.warn("Demo users are active (alice, bob, rachel, oscar, scanner; passwords = names): not for production");
    }

    private static void organisation(IdentityService identity, String organisation, String name) {
        IdentitySetup.ensureGroup(identity, Groups.publisherGroup(organisation), name + " (publisher)",
                Groups.PUBLISHER_GROUP_TYPE);
    }

    private static void user(IdentityService identity, String id, String first, String last, String email,
            String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(email);
            user.setPassword(id);
            identity.saveUser(user);
            identity.createMembership(id, groupId);
        }
    }
}
