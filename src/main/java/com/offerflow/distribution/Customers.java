package com.offerflow.distribution;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import java.util.Locale;
import java.util.Optional;

/**
 * Customers are Camunda users in a subscription: each subscription is a group {@code subscription-<guid>} (type
 * {@link #SUBSCRIPTION_GROUP_TYPE}), and every customer is also in {@link #GROUP}, which the app refuses everything
 * but the registry token service. A customer pulls the previews whose audience names one of its subscriptions.
 */
public final class Customers {

    /** Every customer's group: no API, no engine REST, no webapps. */
    public static final String GROUP = com.offerflow.identity.Groups.CUSTOMERS;
    public static final String SUBSCRIPTION_PREFIX = "subscription-";
    public static final String SUBSCRIPTION_GROUP_TYPE = "CUSTOMER";

    private Customers() {
    }

    /** The group of a subscription (GUIDs compare ignoring case, so the group id is lowercase). */
    public static String subscriptionGroup(String subscriptionId) {
        return SUBSCRIPTION_PREFIX + subscriptionId.toLowerCase(Locale.ROOT);
    }

    public static Optional<String> subscriptionOf(String groupId) {
        return groupId.startsWith(SUBSCRIPTION_PREFIX) && groupId.length() > SUBSCRIPTION_PREFIX.length()
                ? Optional.of(groupId.substring(SUBSCRIPTION_PREFIX.length())) : Optional.empty();
    }

    /** Creates the customer (and its subscription's group) where missing; the password is set only on creation. */
    public static void ensureCustomer(IdentityService identity, String userId, String firstName, String lastName,
            String email, String password, String subscriptionId) {
        String group = subscriptionGroup(subscriptionId);
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group subscription = identity.newGroup(group);
            subscription.setName("Subscription " + subscriptionId.toLowerCase(Locale.ROOT));
            subscription.setType(SUBSCRIPTION_GROUP_TYPE);
            identity.saveGroup(subscription);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(userId, GROUP);
            identity.createMembership(userId, group);
        }
    }
}
