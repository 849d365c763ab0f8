package com.bidstream.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.bidstream.contracts.EventCodec;

/**
 * Writes a problem+json response from places outside Spring MVC, such as servlet filters.
 */
public class ProblemWriter {

	public void write(HttpServletResponse response, HttpStatus status, String slug, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.of(slug).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(EventCodec.toBytes(problem));
	}

}
