// Stops the PostgreSQL that start-codegen-postgres.groovy started for jOOQ's code generator.
def pg = project.getContextValue("steppe.codegen.pg")
if (pg != null) {
    pg.close()
    project.setContextValue("steppe.codegen.pg", null)
}
