package com.bidstream.platform.web;

import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A request parameter an endpoint takes once, given more than once, answers 400 naming
 * it. Spring joins the values with commas ({@code groupBy=segment&groupBy=source} reads
 * as {@code "segment,source"}), so the answer said "must be one of ..." of a value the
 * caller never sent, or took the joined text. Parameters read as a list, an array or a
 * map take several values as before.
 */
public final class SingleValuedParameters implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null || takesSeveral(parameter)) {
				continue;
			}
			String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
			String[] values = (name != null) ? request.getParameterValues(name) : null;
			if (values != null && values.length > 1) {
				throw ApiProblem.invalidField(name,
						((values.length == 2) ? "is given twice" : "is given " + values.length + " times")
								+ "; give it once");
			}
		}
		return true;
	}

	private static boolean takesSeveral(MethodParameter parameter) {
		Class<?> type = parameter.getNestedParameterType();
		return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
	}

}
