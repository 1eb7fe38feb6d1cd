package com.offerflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How the API reads and writes JSON, on top of {@code spring.jackson.*} (unknown fields, scalar coercion and null
 * primitives refused). Request bodies: bounded in size ({@link RequestSizeLimit}) and nesting depth; a key
 * twice in one object, anything after the document, and numbers or booleans where text belongs are refused. Responses: {@code <}, {@code >}, {@code &} and
 * {@code '} are written as {@code \u003C}-style escapes, so no text from a request (a description, a field name in
 * an error) can ever be read as HTML from a response, whatever a client does with it. The same JSON values, only
 * spelled differently. The application's own ObjectMapper (stored documents, engine) is left as it is.
 */
@Configuration
class ApiWebConfiguration {

    /** Replaces Boot's JSON converter for Spring MVC ({@code /api/**}); Jersey's {@code /engine-rest} has its own. */
    @Bean
    MappingJackson2HttpMessageConverter apiJsonConverter(ObjectMapper objectMapper, ApiLimits limits) {
        ObjectMapper api = objectMapper.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a number or boolean where text belongs is a mistake of the client, not something to convert silently
        api.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        api.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.maxBodySize().toBytes())))
                .build());
        api.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        return new MappingJackson2HttpMessageConverter(api);
    }

    /** Bounds every request body before anything reads it, authentication included (see {@link RequestSizeLimit}). */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ApiLimits api, RequestLimits others,
            ObjectMapper objectMapper) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(api.maxBodySize(), others.maxRequestSize(), objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setName("offerflow-request-size-limit");
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} only when the application starts reading the body (its default is
     * at once): a body refused by its declared length (too large, or not allowed at all) is then never sent.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    /** JSON's own escapes, plus the characters that start or end HTML markup and entities. */
    static final class HtmlSafeEscapes extends CharacterEscapes {

        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
