package com.offerflow.offer;

import com.offerflow.replication.Regions;
import com.offerflow.web.FieldError;
import com.offerflow.web.Suggestions;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.Comparator;
import java.util.List;

/**
 * A plain Bean Validation validator for unit tests of the offer's constraints (no Spring context), with the
 * configured regions of {@code application.yaml} for {@link KnownRegion}, and the field errors a publisher sees.
 */
public final class OfferValidation {

    public static final Regions REGIONS = new Regions(List.of(new Regions.Region("westeurope", "West Europe"),
            new Regions.Region("eastus", "East US"), new Regions.Region("southeastasia", "Southeast Asia")));

    private static final ValidatorFactory FACTORY = factory();
    private static final Suggestions SUGGESTIONS = new Suggestions();

    private OfferValidation() {
    }

    public static Validator validator() {
        return FACTORY.getValidator();
    }

    /** Every problem of {@code bean} as "field Rule", sorted, as the API lists them. */
    public static List<String> problems(Object bean, Class<?>... groups) {
        return errors(bean, groups).stream().map(error -> error.field() + " " + error.rule()).toList();
    }

    public static List<FieldError> errors(Object bean, Class<?>... groups) {
        return validator().validate(bean, groups).stream()
                .map(violation -> SUGGESTIONS.fieldError(violation, ""))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule))
                .toList();
    }

    private static ValidatorFactory factory() {
        ValidatorFactory defaults = Validation.buildDefaultValidatorFactory();
        ConstraintValidatorFactory standard = defaults.getConstraintValidatorFactory();
        return Validation.byDefaultProvider().configure()
                .constraintValidatorFactory(new ConstraintValidatorFactory() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                        return key == KnownRegion.Validator.class ? (T) new KnownRegion.Validator(REGIONS)
                                : standard.getInstance(key);
                    }

                    @Override
                    public void releaseInstance(ConstraintValidator<?, ?> instance) {
                        standard.releaseInstance(instance);
                    }
                })
                .buildValidatorFactory();
    }
}
