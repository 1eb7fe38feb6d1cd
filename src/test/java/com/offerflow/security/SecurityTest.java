package com.offerflow.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The security tests' one application: the demo users, the job executor and the scan worker running, real HTTP on a
 * random port. Every class so annotated shares one Spring context (and one {@link World}); other tests' contexts do
 * not get the world. Uploads are bounded to 64 KB here, so a too-large one is cheap to send.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "offerflow.images.max-upload-size=64KB")
@ActiveProfiles({"demo", "test"})
@Import({World.class, StateSnapshot.class})
@interface SecurityTest {
}
