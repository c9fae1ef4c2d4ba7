using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LegalPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AccessibilityAuditDate",
                table: "Municipalities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AccessibilityAuditRate",
                table: "Municipalities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityAuditor",
                table: "Municipalities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityContactEmail",
                table: "Municipalities",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityDerogations",
                table: "Municipalities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityExemptContent",
                table: "Municipalities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityNonConformities",
                table: "Municipalities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityPlanText",
                table: "Municipalities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityPlanUrl",
                table: "Municipalities",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalContactEmail",
                table: "Municipalities",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalDpoEmail",
                table: "Municipalities",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalDpoName",
                table: "Municipalities",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalPublicationDirector",
                table: "Municipalities",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalPublisherAddress",
                table: "Municipalities",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccessibilityAuditDate",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityAuditRate",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityAuditor",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityContactEmail",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityDerogations",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityExemptContent",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityNonConformities",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityPlanText",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AccessibilityPlanUrl",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LegalContactEmail",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LegalDpoEmail",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LegalDpoName",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LegalPublicationDirector",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LegalPublisherAddress",
                table: "Municipalities");
        }
    }
}
