using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewAndLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AssignedStaffUserId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LabelRevokedAtUtc",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LabelValidUntil",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LabelledAtUtc",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    SubjectLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEntries_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notifications_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublicReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RejectionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequestToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectDecisions", x => x.Id);
                    table.UniqueConstraint("AK_ProjectDecisions_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_ProjectDecisions_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectDecisions_AspNetUsers_ProposedByUserId",
                        column: x => x.ProposedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectDecisions_AspNetUsers_RevokedByUserId",
                        column: x => x.RevokedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectDecisions_Projects_MunicipalityId_ProjectId",
                        columns: x => new { x.MunicipalityId, x.ProjectId },
                        principalTable: "Projects",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectReviewMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AuthorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectReviewMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectReviewMessages_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProjectReviewMessages_Projects_MunicipalityId_ProjectId",
                        columns: x => new { x.MunicipalityId, x.ProjectId },
                        principalTable: "Projects",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectReviewNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectReviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectReviewNotes_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProjectReviewNotes_Projects_MunicipalityId_ProjectId",
                        columns: x => new { x.MunicipalityId, x.ProjectId },
                        principalTable: "Projects",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabelCommitments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EstimatedValueCents = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferentUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    CoFinancing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GrantCents = table.Column<long>(type: "INTEGER", nullable: true),
                    MatchRatioPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    MatchCapCents = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabelCommitments_AspNetUsers_ReferentUserId",
                        column: x => x.ReferentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabelCommitments_ProjectDecisions_MunicipalityId_DecisionId",
                        columns: x => new { x.MunicipalityId, x.DecisionId },
                        principalTable: "ProjectDecisions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_AssignedStaffUserId",
                table: "Projects",
                column: "AssignedStaffUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MunicipalityId_AssignedStaffUserId",
                table: "Projects",
                columns: new[] { "MunicipalityId", "AssignedStaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MunicipalityId_LabelledAtUtc",
                table: "Projects",
                columns: new[] { "MunicipalityId", "LabelledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MunicipalityId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "MunicipalityId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LabelCommitments_MunicipalityId_DecisionId",
                table: "LabelCommitments",
                columns: new[] { "MunicipalityId", "DecisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabelCommitments_ReferentUserId",
                table: "LabelCommitments",
                column: "ReferentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MunicipalityId",
                table: "Notifications",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDecisions_DecidedByUserId",
                table: "ProjectDecisions",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDecisions_MunicipalityId_ProjectId",
                table: "ProjectDecisions",
                columns: new[] { "MunicipalityId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDecisions_MunicipalityId_State",
                table: "ProjectDecisions",
                columns: new[] { "MunicipalityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDecisions_ProjectId_RequestToken",
                table: "ProjectDecisions",
                columns: new[] { "ProjectId", "RequestToken" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDecisions_ProposedByUserId",
                table: "ProjectDecisions",
                column: "ProposedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDecisions_RevokedByUserId",
                table: "ProjectDecisions",
                column: "RevokedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviewMessages_AuthorUserId",
                table: "ProjectReviewMessages",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviewMessages_MunicipalityId_ProjectId",
                table: "ProjectReviewMessages",
                columns: new[] { "MunicipalityId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviewMessages_ProjectId_AtUtc",
                table: "ProjectReviewMessages",
                columns: new[] { "ProjectId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviewNotes_AuthorUserId",
                table: "ProjectReviewNotes",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviewNotes_MunicipalityId_ProjectId",
                table: "ProjectReviewNotes",
                columns: new[] { "MunicipalityId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviewNotes_ProjectId_AtUtc",
                table: "ProjectReviewNotes",
                columns: new[] { "ProjectId", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_AspNetUsers_AssignedStaffUserId",
                table: "Projects",
                column: "AssignedStaffUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Projects_AspNetUsers_AssignedStaffUserId",
                table: "Projects");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "LabelCommitments");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ProjectReviewMessages");

            migrationBuilder.DropTable(
                name: "ProjectReviewNotes");

            migrationBuilder.DropTable(
                name: "ProjectDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Projects_AssignedStaffUserId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_MunicipalityId_AssignedStaffUserId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_MunicipalityId_LabelledAtUtc",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "AssignedStaffUserId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LabelRevokedAtUtc",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LabelValidUntil",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LabelledAtUtc",
                table: "Projects");
        }
    }
}
