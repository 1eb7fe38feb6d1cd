package com.offerflow.prerequisites;

import com.offerflow.offer.TechnicalConfiguration;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Every tag of the technical configuration is a tag of the uploaded image's index, so the marketplace can publish
 * the image under it. Each missing tag is reported on its own path ({@code technicalConfiguration.tags[1]}).
 * Valid when no image was uploaded ({@link ImageRequired} reports that).
 */
@Documented
@Constraint(validatedBy = TagInImage.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface TagInImage {

    String message() default "{offerflow.tagInImage}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TagInImage, Submission> {

        @Override
        public boolean isValid(Submission submission, ConstraintValidatorContext context) {
            if (submission == null || submission.image() == null || submission.offer() == null
                    || submission.offer().technicalConfiguration() == null
                    || submission.offer().technicalConfiguration().tags() == null) {
                return true;
            }
            List<String> tags = submission.offer().technicalConfiguration().tags();
            // the index's names are the image's, not validated: only tag-shaped ones are named in the message
            List<String> named = submission.image().tags().stream()
                    .filter(tag -> tag.matches(TechnicalConfiguration.TAG_PATTERN)).sorted().toList();
            String imageTags = named.isEmpty() ? "no tags" : String.join(", ", named);
            boolean valid = true;
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i);
                if (tag == null || submission.image().tags().contains(tag)) {
                    continue;
                }
                if (valid) {
                    context.disableDefaultConstraintViolation();
                    valid = false;
                }
                // both are OCI tags (letters, digits, '.', '_', '-'): nothing that could be interpolated
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("tag", tag).addMessageParameter("imageTags", imageTags)
                        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("technicalConfiguration").addPropertyNode("tags")
                        .addContainerElementNode("<list element>", List.class, 0).inIterable().atIndex(i)
                        .addConstraintViolation();
            }
            return valid;
        }
    }
}
