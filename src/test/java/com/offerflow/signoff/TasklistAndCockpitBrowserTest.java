package com.offerflow.signoff;

import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.support.ApiClient;
import com.offerflow.support.Browser;
import com.offerflow.support.TestOffers;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What people see in the webapps, in a real browser: alice finds her organisation's sign-off task in Tasklist
 * (bob does not), reads the offer, certification and preview in its form and selects Go live; oscar sees the
 * running publication on the diagram in Cockpit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistAndCockpitBrowserTest {

    private static final String SIGN_OFF = "4 Sign off preview (Go live)";

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;

    @Test
    void aliceSignsOffInTasklistBobSeesNothingOscarWatchesInCockpit() {
        ApiClient api = new ApiClient(port);
        String offerId = TestOffers.newOfferId();
        assertThat(api.post("alice", "/api/offers", SampleOffer.document(offerId)).status()).isEqualTo(201);
        api.put("alice", "/api/offers/" + offerId + "/image", "application/x-tar", SampleImage.image().toArchiveBytes());
        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "PREVIEW".equals(api.get("alice", location).text("status")));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(location.substring(location.lastIndexOf('/') + 1))
                .singleResult().getId();
        String instanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

        try (Browser bob = Browser.signIn(port, "tasklist", "bob", "bob")) {
            // bob's filter has loaded and counts none of contoso's tasks
            bob.awaitText(By.tagName("body"), "Tasks of my groups 0");
            bob.awaitText(By.tagName("body"), "No task matching filters found.");
            // and the task's own address shows him nothing of it either
            bob.open("tasklist/default/#/?task=" + taskId);
            bob.awaitText(By.tagName("body"), "No task matching filters found.");
            assertThat(bob.driver().getPageSource()).doesNotContain(SIGN_OFF).doesNotContain(offerId);
        }

        try (Browser oscar = Browser.signIn(port, "cockpit", "oscar", "oscar")) {
            oscar.open("cockpit/default/#/process-instance/" + instanceId + "/runtime");
            oscar.await(By.cssSelector("[data-element-id=Task_SignOff]"));
            // the waiting publication is drawn on the sign-off task, and its variables are listed
            oscar.await(By.cssSelector(".djs-overlays[data-container-id=Task_SignOff] .instances-overlay"));
            oscar.awaitText(By.tagName("body"), "publicationId");
        }

        try (Browser browser = Browser.signIn(port, "tasklist", "alice", "alice")) {
            browser.awaitText(By.tagName("body"), "Tasks of my groups 1");
            browser.awaitText(By.tagName("body"), SIGN_OFF);
            browser.open("tasklist/default/#/?task=" + taskId);
            assertThat(browser.await(By.cssSelector("input[id$=Field_OfferName]")).getAttribute("value"))
                    .isEqualTo("Contoso Web Server (" + offerId + ")");
            assertThat(browser.await(By.cssSelector("textarea[id$=Field_CertificationSummary]"))
                    .getAttribute("value")).startsWith("Certification PASSED for uploaded image sha256:");
            browser.click(By.xpath("//button[normalize-space()='Claim']"));
            // the form opens for input once the task is alice's
            browser.awaitGone(By.cssSelector(".disabled-form"));
            assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("alice");
            browser.click(By.cssSelector("input[id$=Field_SignOffDecision-0]"));
            browser.click(By.xpath("//button[normalize-space()='Complete']"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "LIVE".equals(api.get("alice", location).text("status")));
        }
        assertThat(api.get("alice", location).text("outcomeComment")).isEqualTo("Go live selected by alice");
        assertThat(api.get(null, "/api/catalog/" + offerId).status()).isEqualTo(200);
    }
}
