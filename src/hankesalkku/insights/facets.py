"""On PostgreSQL the summary row also carries what the overview counts, so any selection is one
pass over narrow rows: arrays of the entity's many-valued facts and its applications' sums.

The overview's figures go through applications, partners, sectors and ministries; at a million
entities every figure joined millions of link rows again. Here each entity's row holds, beside
the list's columns:

- arrays that filter (GIN-indexed: `ministry_ids @> '{7}'` is an index lookup): the funding
  ministries, sectors, every region it touches (implementers, partners, the entity's own),
  and its implementers' organisation types;
- arrays that are counted (one element per application or partner, so multiplicity counts):
  implementers' regions, types and organisations, partners' regions and organisations;
- the applications' money summed per entity, with the support rate's parts.

The columns exist on PostgreSQL only (the migration adds them there; SQLite keeps the joined
counting of `overview`, which is fast enough for the sizes SQLite serves). `summary` writes
them in the same INSERT … SELECT as the rest of the row, so a refresh after a write and a full
rebuild can never disagree. A region key of 0 stands for "no region".
"""

from __future__ import annotations

COLUMNS = (
    "ministry_ids, sector_ids, branch_ids, region_ids, impl_types, impl_regions, impl_orgs, "
    "partner_regions, partner_orgs, partners, a_total_cost, a_support, a_own_financing, "
    "a_municipal_financing, a_other_public_financing, a_private_financing, a_rate_support, "
    "a_rate_total, a_total_unknown"
)

ADD_COLUMNS = """
ALTER TABLE insights_entitysummary
    ADD COLUMN ministry_ids bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN sector_ids bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN branch_ids bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN region_ids bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN impl_types text[] NOT NULL DEFAULT '{}',
    ADD COLUMN impl_regions bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN impl_orgs bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN partner_regions bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN partner_orgs bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN partners integer NOT NULL DEFAULT 0,
    ADD COLUMN a_total_cost numeric(14, 2),
    ADD COLUMN a_support numeric(14, 2),
    ADD COLUMN a_own_financing numeric(14, 2),
    ADD COLUMN a_municipal_financing numeric(14, 2),
    ADD COLUMN a_other_public_financing numeric(14, 2),
    ADD COLUMN a_private_financing numeric(14, 2),
    ADD COLUMN a_rate_support numeric(14, 2),
    ADD COLUMN a_rate_total numeric(14, 2),
    ADD COLUMN a_total_unknown integer NOT NULL DEFAULT 0;
CREATE INDEX summary_ministry_ids ON insights_entitysummary USING gin (ministry_ids);
CREATE INDEX summary_sector_ids ON insights_entitysummary USING gin (sector_ids);
CREATE INDEX summary_region_ids ON insights_entitysummary USING gin (region_ids);
CREATE INDEX summary_impl_types ON insights_entitysummary USING gin (impl_types);
"""

DROP_COLUMNS = """
ALTER TABLE insights_entitysummary
    DROP COLUMN ministry_ids, DROP COLUMN sector_ids, DROP COLUMN branch_ids,
    DROP COLUMN region_ids, DROP COLUMN impl_types, DROP COLUMN impl_regions,
    DROP COLUMN impl_orgs, DROP COLUMN partner_regions, DROP COLUMN partner_orgs,
    DROP COLUMN partners, DROP COLUMN a_total_cost, DROP COLUMN a_support,
    DROP COLUMN a_own_financing, DROP COLUMN a_municipal_financing,
    DROP COLUMN a_other_public_financing, DROP COLUMN a_private_financing,
    DROP COLUMN a_rate_support, DROP COLUMN a_rate_total, DROP COLUMN a_total_unknown;
"""

# The extra select list and joins of `summary._ROWS` on PostgreSQL; {of_*} as there. APPLICATIONS
# replaces the plain grouped applications there (one scan gives both).
SELECT = """,
       COALESCE(mi.ids, '{{}}'), COALESCE(sec.ids, '{{}}'), COALESCE(sec.branches, '{{}}'),
       ARRAY(SELECT DISTINCT x FROM unnest(COALESCE(a.regions, '{{}}')
             || COALESCE(p.regions, '{{}}') || COALESCE(er.ids, '{{}}')) x
             WHERE x <> 0 ORDER BY 1),
       COALESCE(a.types, '{{}}'), COALESCE(a.regions, '{{}}'), COALESCE(a.orgs, '{{}}'),
       COALESCE(p.regions, '{{}}'), COALESCE(p.orgs, '{{}}'), COALESCE(p.n, 0),
       a.total_cost, a.support, a.own, a.municipal, a.other_public, a.private,
       a.rate_support, a.rate_total, COALESCE(a.total_unknown, 0)
"""
APPLICATIONS = """(SELECT ap.entity_id AS entity_id, COUNT(*) AS n, SUM(ap.total_cost) AS total_cost,
                  SUM(ap.support) AS support, SUM(ap.own_financing) AS own,
                  SUM(ap.municipal_financing) AS municipal,
                  SUM(ap.other_public_financing) AS other_public,
                  SUM(ap.private_financing) AS private,
                  SUM(ap.support) FILTER (WHERE ap.total_cost IS NOT NULL
                                          AND ap.support IS NOT NULL) AS rate_support,
                  SUM(ap.total_cost) FILTER (WHERE ap.total_cost IS NOT NULL
                                             AND ap.support IS NOT NULL) AS rate_total,
                  COUNT(*) FILTER (WHERE ap.total_cost IS NULL) AS total_unknown,
                  array_agg(o.organisation_type) AS types,
                  array_agg(COALESCE(o.region_id, op.region_id, 0)) AS regions,
                  array_agg(ap.organisation_id) AS orgs
           FROM projects_application ap
           JOIN organisations_organisation o ON o.id = ap.organisation_id
           LEFT JOIN organisations_organisation op ON op.id = o.parent_id
           {of_applications} GROUP BY ap.entity_id)"""
JOINS = """
LEFT JOIN (SELECT pa.entity_id, COUNT(*) AS n,
                  array_agg(COALESCE(o.region_id, op.region_id, 0)) AS regions,
                  array_agg(pa.organisation_id) AS orgs
           FROM projects_partner pa
           JOIN organisations_organisation o ON o.id = pa.organisation_id
           LEFT JOIN organisations_organisation op ON op.id = o.parent_id
           {of_partners} GROUP BY pa.entity_id) p
       ON p.entity_id = e.id
LEFT JOIN (SELECT fm.projectentity_id, array_agg(fm.organisation_id ORDER BY fm.organisation_id)
                  AS ids
           FROM projects_projectentity_funding_ministries fm {of_ministries}
           GROUP BY fm.projectentity_id) mi
       ON mi.projectentity_id = e.id
LEFT JOIN (SELECT ps.projectentity_id, array_agg(ps.sector_id ORDER BY ps.sector_id) AS ids,
                  array_agg(DISTINCT s.branch_id ORDER BY s.branch_id) AS branches
           FROM projects_projectentity_sectors ps
           JOIN programmes_sector s ON s.id = ps.sector_id {of_sectors}
           GROUP BY ps.projectentity_id) sec
       ON sec.projectentity_id = e.id
LEFT JOIN (SELECT r.projectentity_id, array_agg(r.region_id) AS ids
           FROM projects_projectentity_regions r {of_regions}
           GROUP BY r.projectentity_id) er
       ON er.projectentity_id = e.id
"""


def add_columns(apps, schema_editor) -> None:
    """The migration's step: add the columns, then fill them for the rows already there."""
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(ADD_COLUMNS)
        connection.summary_facets = True
        from .summary import rebuild_summaries

        rebuild_summaries()


def drop_columns(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(DROP_COLUMNS)
        connection.summary_facets = False


def available(connection) -> bool:
    """PostgreSQL with the columns in place (an earlier migration rebuilds the table before
    they exist); asked once per connection."""
    if connection.vendor != "postgresql":
        return False
    known = getattr(connection, "summary_facets", None)
    if known is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name = "
                "'insights_entitysummary' AND column_name = 'ministry_ids'"
            )
            known = cursor.fetchone() is not None
        connection.summary_facets = known
    return known
