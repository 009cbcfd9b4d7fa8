package com.example.myapi.task;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A calendar date written YYYY-MM-DD (null passes). Validated as text rather than parsed by
 * Jackson, so that a bad date is reported together with the request's other invalid fields.
 */
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
public @interface IsoDate {

    String message() default "must be a date written YYYY-MM-DD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, String> {

        private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                return FORM.matcher(value).matches() && LocalDate.parse(value) != null;
            } catch (DateTimeParseException e) {
                return false; // 2026-02-30, 2026-13-01...
            }
        }
    }
}
