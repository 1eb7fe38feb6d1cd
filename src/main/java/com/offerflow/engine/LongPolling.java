package com.offerflow.engine;

import jakarta.servlet.ServletContextEvent;
import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API's long polling ({@code POST /engine-rest/external-task/fetchAndLock} with
 * {@code asyncResponseTimeout}), which separate scan workers wait on for certification tasks.
 * <p>
 * Camunda keeps one long-polling handler per JVM (a static field of {@link FetchAndLockContextListener}), starts it
 * with the first web application and stops it, for good, when any web application stops. In a JVM that runs more
 * than one application, one after the other or side by side (a test suite, a restart in place), the applications
 * after the first stopped one answer a fetch that finds no task never: the worker hangs until its HTTP client gives
 * up. Offerflow registers its own listener instead of Camunda's: the handler is stopped when the last web
 * application of the JVM stops, and started again by the next one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LongPolling {

    /** The name of Camunda's listener bean ({@code CamundaBpmRestJerseyAutoConfiguration}). */
    static final String CAMUNDA_LISTENER_BEAN = "getFetchAndLockContextListener";

    @Bean
    static BeanDefinitionRegistryPostProcessor replaceCamundasFetchAndLockListener() {
        return (BeanDefinitionRegistry registry) -> {
            if (!registry.containsBeanDefinition(CAMUNDA_LISTENER_BEAN)) {
                // a Camunda upgrade renamed it: both listeners would run, and the shared handler stop again
                throw new IllegalStateException("Camunda's fetch-and-lock listener bean '" + CAMUNDA_LISTENER_BEAN
                        + "' is gone; find its new name in CamundaBpmRestJerseyAutoConfiguration and update "
                        + LongPolling.class.getName());
            }
            registry.removeBeanDefinition(CAMUNDA_LISTENER_BEAN);
        };
    }

    @Bean
    ServletListenerRegistrationBean<SharedHandlerListener> sharedFetchAndLockListener() {
        return new ServletListenerRegistrationBean<>(new SharedHandlerListener());
    }

    /** Camunda's listener, counting the web applications that use the JVM's one handler. */
    static final class SharedHandlerListener extends FetchAndLockContextListener {

        private static int applications;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            synchronized (SharedHandlerListener.class) {
                applications++;
                super.contextInitialized(event);
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            synchronized (SharedHandlerListener.class) {
                if (--applications == 0 && fetchAndLockHandler != null) {
                    super.contextDestroyed(event);
                    fetchAndLockHandler = null;
                }
            }
        }
    }
}
