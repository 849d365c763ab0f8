package com.bidstream.localstack.demo;

import java.util.List;

/**
 * The kinds of work the demo posts: a title, a category, skills, and budget ranges in
 * dollars (fixed, and hourly min/max), across web, mobile, data, AI/LLM, DevOps, design,
 * writing and data entry.
 */
final class JobTemplates {

	private static final String DEV = "Web, Mobile & Software Dev";

	private static final String DATA = "Data Science & Analytics";

	private static final String DESIGN = "Design & Creative";

	private static final String WRITING = "Writing";

	private static final String ADMIN = "Admin Support";

	private static final String IT = "IT & Networking";

	record Template(String title, String category, List<String> skills, int fixedMin, int fixedMax, int hourlyMin,
			int hourlyMax, String scope) {

	}

	static final List<Template> ALL = List.of(
			new Template("Spring Boot engineer for a Kafka event pipeline", DEV,
					List.of("Java", "Spring Boot", "Apache Kafka", "PostgreSQL"), 2500, 40000, 45, 110,
					"an event-driven order pipeline processing 2M events a day"),
			new Template("React + TypeScript dashboard for a logistics startup", DEV,
					List.of("React", "TypeScript", "REST API", "Tailwind CSS"), 1500, 15000, 35, 90,
					"a fleet tracking dashboard with live maps and role-based access"),
			new Template("Fix bugs in our Laravel API", DEV, List.of("PHP", "Laravel", "MySQL"), 100, 1500, 20, 45,
					"a handful of bugs in checkout and user registration"),
			new Template("Shopify store speed optimization", DEV, List.of("Shopify", "Liquid", "JavaScript"), 150, 2000,
					25, 60, "getting our Core Web Vitals into the green"),
			new Template("Flutter app for a fitness studio (iOS + Android)", DEV,
					List.of("Flutter", "Dart", "Firebase", "Mobile App Development"), 3000, 25000, 35, 85,
					"class booking, payments and push notifications"),
			new Template("SwiftUI developer for a fintech MVP", DEV, List.of("Swift", "SwiftUI", "iOS", "Plaid API"),
					5000, 40000, 60, 140, "an iOS budgeting app with bank connections"),
			new Template("Data engineer: dbt models on Snowflake", DATA,
					List.of("dbt", "Snowflake", "SQL", "Apache Airflow"), 2000, 20000, 50, 120,
					"modelling our sales and marketing data for self-serve analytics"),
			new Template("Power BI dashboards for monthly sales reporting", DATA,
					List.of("Power BI", "DAX", "Excel", "Data Visualization"), 300, 4000, 25, 65,
					"replacing a manual Excel report with a refreshed dashboard"),
			new Template("Build a RAG chatbot over our product docs", DATA,
					List.of("LLM", "OpenAI API", "LangChain", "Python", "Vector Database"), 2000, 30000, 50, 150,
					"a support assistant answering from 3,000 help-center articles"),
			new Template("AI agent that qualifies inbound leads", DATA,
					List.of("AI Agent Development", "Python", "OpenAI API", "HubSpot"), 1500, 20000, 45, 130,
					"an agent that researches each lead and drafts a first reply"),
			new Template("Fine-tune an LLM to classify support tickets", DATA,
					List.of("Machine Learning", "LLM Fine-Tuning", "PyTorch", "Python"), 3000, 35000, 60, 160,
					"routing 40k tickets a month to the right team"),
			new Template("Kubernetes migration to AWS EKS with Terraform", IT,
					List.of("Kubernetes", "AWS", "Terraform", "Helm", "DevOps"), 4000, 40000, 60, 150,
					"moving 12 services from EC2 to EKS with zero downtime"),
			new Template("Set up GitHub Actions CI/CD for a monorepo", IT,
					List.of("GitHub Actions", "Docker", "CI/CD", "DevOps"), 400, 5000, 35, 90,
					"builds, tests and deploys for four services"),
			new Template("Logo and brand identity for a new coffee brand", DESIGN,
					List.of("Logo Design", "Brand Identity", "Adobe Illustrator"), 100, 3000, 20, 70,
					"a logo, a palette and packaging guidelines"),
			new Template("Figma redesign of our SaaS onboarding", DESIGN,
					List.of("Figma", "UX Design", "UI Design", "SaaS"), 800, 9000, 40, 100,
					"an onboarding flow that loses fewer trial users"),
			new Template("SEO blog posts about B2B SaaS", WRITING,
					List.of("SEO Writing", "Content Writing", "B2B Marketing"), 50, 1500, 20, 60,
					"eight 1,500-word articles a month"),
			new Template("Technical writer for our REST API documentation", WRITING,
					List.of("Technical Writing", "API Documentation", "OpenAPI"), 500, 6000, 35, 85,
					"reference docs and three getting-started guides"),
			new Template("Copy product data from PDFs into a spreadsheet", ADMIN,
					List.of("Data Entry", "Microsoft Excel", "Copy Paste"), 30, 300, 5, 15,
					"about 2,000 products from supplier catalogs"),
			new Template("Lead list research: 500 contacts in the dental industry", ADMIN,
					List.of("Lead Generation", "Data Entry", "LinkedIn"), 40, 600, 6, 18,
					"names, roles and verified emails for a cold outreach campaign"));

	private JobTemplates() {
	}

}
