package com.offerflow.demo;

import com.offerflow.distribution.Customers;
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
 * contoso) and bob (fabrikam), certification reviewer rachel, operator oscar, scan worker account scanner, and the
 * customers carol (a subscription of the sample offer's preview audience) and dave (another subscription), each with
 * the password of its name. Created only where missing, so a restart keeps what was changed in Camunda Admin.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
@ConditionalOnProperty(name = "offerflow.demo.enabled", havingValue = "true")
class DemoUsers extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    /** The subscription in the sample offer's preview audience (carol's). */
    static final String SAMPLE_AUDIENCE_SUBSCRIPTION = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    /** A subscription in no preview audience (dave's). */
    static final String OTHER_SUBSCRIPTION = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

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
        // customers: carol's subscription is in the sample offer's preview audience, dave's is not
        Customers.ensureCustomer(identity, "carol", "Carol", "Customer", "carol@fourthcoffee.example", "carol",
                SAMPLE_AUDIENCE_SUBSCRIPTION);
        Customers.ensureCustomer(identity, "dave", "Dave", "Customer", "dave@wingtip.example", "dave",
                OTHER_SUBSCRIPTION);
        log.warn("Demo users are active (alice, bob, rachel, oscar, scanner, customers carol and dave; passwords ="
                + " names): not for production");
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
