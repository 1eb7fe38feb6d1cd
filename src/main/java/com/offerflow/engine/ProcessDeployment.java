package com.offerflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deploys the BPMN models and Camunda Forms of the top-level {@code processes/} folder (on the classpath as
 * {@code processes/}) when the engine starts: one deployment named {@value #NAME}, resources named by their file
 * name alone, with duplicate filtering, so a restart with unchanged models creates no new versions, whether the app
 * runs from {@code mvn spring-boot:run} or from the jar. Camunda's own auto-deployment is off (application.yaml).
 */
@Component
public class ProcessDeployment extends AbstractProcessEnginePlugin {

    public static final String NAME = "offerflow";
    private static final List<String> PATTERNS = List.of(
            "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:processes/**/*.form");
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(NAME)
                .source(NAME)
                .enableDuplicateFiltering(true);
        List<Resource> resources = resources();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(resource.getFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        log.info("Deployed {} resources of processes/ ({} new process definitions) as deployment '{}'",
                resources.size(), deployment.getDeployedProcessDefinitions() == null
                        ? 0 : deployment.getDeployedProcessDefinitions().size(), NAME);
    }

    private List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (String pattern : PATTERNS) {
            try {
                resources.addAll(List.of(resolver.getResources(pattern)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + pattern, e);
            }
        }
        resources.sort(Comparator.comparing(Resource::getFilename));
        return resources;
    }
}
