package com.bidstream.platform.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON request body holding texts that cannot be stored as sent
 * ({@link StorableText}: a NUL character or a lone surrogate), with a 400 naming the
 * field ({@code redFlagTerms[0]}), before any controller sees it. Every
 * {@code @RequestBody} of the services is a {@link JsonNode} or a map, which this walks
 * whole, keys included.
 */
@ControllerAdvice
public class StorableBodyAdvice extends RequestBodyAdviceAdapter {

	/** Every field is named, up to this many. */
	static final int MAX_ERRORS = 100;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		List<FieldError> errors = new ArrayList<>();
		check(body, "", errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.validation(errors);
		}
		return body;
	}

	/**
	 * Adds to {@code errors} each value or name in {@code body} that cannot be stored.
	 */
	static void check(@Nullable Object body, String path, List<FieldError> errors) {
		if (body instanceof JsonNode node) {
			checkNode(node, path, errors);
		}
		else if (body instanceof CharSequence text) {
			checkText(text.toString(), path, errors);
		}
		else if (body instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String name = String.valueOf(entry.getKey());
				// a bad name is named by the object that holds it, never echoed
				checkText(name, path, errors);
				check(entry.getValue(), field(path, name), errors);
			}
		}
		else if (body instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				check(item, path + "[" + index++ + "]", errors);
			}
		}
	}

	private static void checkNode(JsonNode node, String path, List<FieldError> errors) {
		if (node.isString()) {
			checkText(node.stringValue(), path, errors);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				checkText(property.getKey(), path, errors);
				checkNode(property.getValue(), field(path, property.getKey()), errors);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkNode(node.get(i), path + "[" + i + "]", errors);
			}
		}
	}

	private static void checkText(String text, String field, List<FieldError> errors) {
		String problem = StorableText.problem(text);
		if (problem != null && errors.size() < MAX_ERRORS) {
			errors.add(new FieldError(field.isEmpty() ? "body" : field, problem));
		}
	}

	private static String field(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
