package com.offerflow.distribution.access;

import com.offerflow.distribution.Customers;
import com.offerflow.identity.IdentitySetup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@link Customers#GROUP} group, and what keeps customers out of the webapps: everybody may open Tasklist
 * ({@link IdentitySetup}'s global grant); a group revocation takes that away from customers, so their sign-in to any
 * webapp finds no application. The API and the engine REST API refuse them by role (they are not {@code ROLE_USER}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 150)
class CustomerSetup extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentitySetup.ensureGroup(engine.getIdentityService(), Customers.GROUP, "Customers",
                Customers.SUBSCRIPTION_GROUP_TYPE);
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE).groupIdIn(Customers.GROUP)
                .resourceType(Resources.APPLICATION).resourceId("*").singleResult();
        if (existing == null) {
            Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
            revoke.setGroupId(Customers.GROUP);
            revoke.setResource(Resources.APPLICATION);
            revoke.setResourceId("*");
            revoke.removePermission(Permissions.ACCESS);
            authorizations.saveAuthorization(revoke);
        }
    }
}
