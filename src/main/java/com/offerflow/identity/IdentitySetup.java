package com.offerflow.identity;

import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;

/**
 * The roles' groups, Tasklist filters and authorizations every installation needs, created idempotently when the
 * engine starts (before REST and webapps serve). Camunda's authorization checks are on: a user sees only what a
 * grant below, Camunda's admin setup ({@code camunda.bpm.admin-user}) or a task's candidate group allows.
 * <ul>
 *   <li>everybody: Tasklist, and the filters "Tasks of my groups" and "Assigned to me";</li>
 *   <li>certification reviewers and publisher organisations: nothing more; their tasks are theirs through the
 *       tasks' candidate groups (with {@code TASK_WORK}: they can work a task, not hand it to another group);</li>
 *   <li>operators: Cockpit, read-only: process definitions, instances, history, tasks, deployments.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IdentitySetup extends AbstractProcessEnginePlugin {

    public static final String FILTER_MY_GROUPS = "Tasks of my groups";
    public static final String FILTER_ASSIGNED_TO_ME = "Assigned to me";
    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        ensureGroup(identity, Groups.CERTIFICATION_REVIEWERS, "Certification reviewers", "WORKFLOW");
        ensureGroup(identity, Groups.OPERATORS, "Operators", "WORKFLOW");
        ensureGroup(identity, Groups.SCAN_WORKERS, "Scan workers", "SYSTEM");

        FilterService filters = engine.getFilterService();
        Filter myGroups = ensureFilter(filters, FILTER_MY_GROUPS, -10,
                engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(),
                "Open tasks of the groups you belong to: your organisation's sign-offs and findings, or reviews");
        Filter assigned = ensureFilter(filters, FILTER_ASSIGNED_TO_ME, -5,
                engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "Tasks you claimed");

        grantGlobal(authorizations, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantGlobal(authorizations, Resources.FILTER, myGroups.getId(), Permissions.READ);
        grantGlobal(authorizations, Resources.FILTER, assigned.getId(), Permissions.READ);

        grantGroup(authorizations, Groups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grantGroup(authorizations, Groups.OPERATORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grantGroup(authorizations, Groups.OPERATORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grantGroup(authorizations, Groups.OPERATORS, Resources.TASK, "*", Permissions.READ);
        grantGroup(authorizations, Groups.OPERATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grantGroup(authorizations, Groups.OPERATORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        // what Camunda requires to fetch, lock, extend and complete external tasks of the publishing process; a scan
        // worker decides certification anyway, so its account is trusted like the app itself
        grantGroup(authorizations, Groups.SCAN_WORKERS, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY,
                Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE);
        log.info("Roles, Tasklist filters and authorizations are in place");
    }

    public static void ensureGroup(IdentityService identity, String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private static Filter ensureFilter(FilterService filters, String name, int priority, TaskQuery query,
            String description) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        return filters.saveFilter(filter);
    }

    private static void grantGlobal(AuthorizationService authorizations, Resource resource, String resourceId,
            Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId)
                .singleResult();
        Authorization grant = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        grant.setUserId(Authorization.ANY);
        save(authorizations, grant, resource, resourceId, permissions);
    }

    static void grantGroup(AuthorizationService authorizations, String groupId, Resource resource,
            String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).singleResult();
        Authorization grant = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        save(authorizations, grant, resource, resourceId, permissions);
    }

    private static void save(AuthorizationService authorizations, Authorization grant, Resource resource,
            String resourceId, Permission... permissions) {
        if (grant.getId() != null && Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
            return;
        }
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        Arrays.stream(permissions).forEach(grant::addPermission);
        authorizations.saveAuthorization(grant);
    }
}
