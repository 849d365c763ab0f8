-- Test only: stands for a platform migration released after the services' own migrations ran.
create table platform_next_probe (id int primary key);
