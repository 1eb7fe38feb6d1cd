package com.offerflow.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error of the project's API as RFC 9457 problem details ({@code application/problem+json}): a type, a title,
 * the status and a detail in plain words, and for invalid input the list of {@link FieldError}s, all at once. Nothing
 * internal (stack traces, SQL, file paths, rejected values) is ever part of a response. It advises every Spring MVC
 * handler, and requests that found none (an unknown path, a method or media type no endpoint takes), so those are
 * problems too; {@code /engine-rest} and the webapps are served by Jersey and answer in their own way.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Suggestions suggestions;

    ApiExceptionHandler(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> apiException(ApiException e) {
        return problem(e.status(), e.type(), e.getMessage(), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> suggestions.fieldError(violation, ""))
                .toList();
        return validationFailed(errors);
    }

    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<Object> engineAccessDenied(org.camunda.bpm.engine.AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.", null);
    }

    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<Object> concurrentChange(org.camunda.bpm.engine.OptimisticLockingException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change",
                "The publication changed at the same moment; nothing was changed. Read it again and retry.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error while handling an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing was changed. Try again later.", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> error.unwrap(jakarta.validation.ConstraintViolation.class))
                .map(violation -> suggestions.fieldError(violation, ""))
                .toList();
        return validationFailed(errors);
    }

    /**
     * Method validation: constraints on path variables ({@code @OfferId}) together with the {@code @Valid} body of
     * the same method. A body's violations keep their paths within the body; a path variable's take its name.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String parameter = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                ConstraintViolation<?> violation = result.unwrap(error, ConstraintViolation.class);
                FieldError fieldError = suggestions.fieldError(violation, "");
                errors.add(fieldError.field().isEmpty() ? new FieldError(parameter, fieldError.rule(),
                        fieldError.message(), fieldError.suggestion()) : fieldError);
            }
        }
        return validationFailed(errors);
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return parameter.getParameterName() == null ? "" : parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof StreamConstraintsException) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json",
                    "The JSON document is too large or nested too deeply.", null);
        }
        if (cause instanceof JsonParseException) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json",
                    "The request body is not well-formed JSON.", null);
        }
        if (cause instanceof JsonMappingException mapping) {
            return validationFailed(List.of(fieldError(mapping)));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is missing or unreadable.", null);
    }

    private static FieldError fieldError(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(field, "UnknownField", "is not a field of this resource",
                    "Remove it; the fields here are: " + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".");
        }
        if (e instanceof InvalidTypeIdException) {
            return new FieldError(field.isEmpty() ? "destination" : field + ".destination", "UnknownType",
                    "is missing or not one of the accepted kinds", "Use one of: none, httpsEndpoint, email.");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(field, "Type", "must be " + describe(mismatch.getTargetType()),
                    "Send a value of the right JSON type.");
        }
        return new FieldError(field, "Type", "has a value of the wrong shape", "Send a value of the right JSON type.");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord() || type.isInterface()) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }

    /** Every invalid field at once, in a stable order (by field, then rule). */
    private ResponseEntity<Object> validationFailed(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule)).toList();
        String detail = sorted.size() == 1 ? "1 field is invalid." : sorted.size() + " fields are invalid.";
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", detail, sorted);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemTypes.of(HttpStatus.valueOf(statusCode.value()).name().toLowerCase().replace('_', '-')));
        }
        if (body instanceof ProblemDetail) {
            // whatever the request accepts: a problem is always problem+json
            HttpHeaders problemHeaders = new HttpHeaders();
            if (headers != null) {
                problemHeaders.addAll(headers);
            }
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(body, problemHeaders, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
