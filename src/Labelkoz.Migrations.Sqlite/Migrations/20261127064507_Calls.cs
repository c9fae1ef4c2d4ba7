using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Calls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CallApplicationId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CallId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "DecisionId",
                table: "LabelCommitments",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "CallId",
                table: "LabelCommitments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NeighbourhoodId = table.Column<long>(type: "INTEGER", nullable: true),
                    BudgetEnvelopeCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptsIndividuals = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsAssociations = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsCompanies = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WinnersCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                    table.UniqueConstraint("AK_Calls_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Calls_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Calls_Neighbourhoods_MunicipalityId_NeighbourhoodId",
                        columns: x => new { x.MunicipalityId, x.NeighbourhoodId },
                        principalTable: "Neighbourhoods",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicantUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    HolderType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Rna = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsShortlisted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplications", x => x.Id);
                    table.UniqueConstraint("AK_CallApplications_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_ApplicantUserId",
                        column: x => x.ApplicantUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_Calls_MunicipalityId_CallId",
                        columns: x => new { x.MunicipalityId, x.CallId },
                        principalTable: "Calls",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallCriteria",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WeightPercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallCriteria", x => x.Id);
                    table.UniqueConstraint("AK_CallCriteria_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_CallCriteria_Calls_MunicipalityId_CallId",
                        columns: x => new { x.MunicipalityId, x.CallId },
                        principalTable: "Calls",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallEvents_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CallEvents_Calls_MunicipalityId_CallId",
                        columns: x => new { x.MunicipalityId, x.CallId },
                        principalTable: "Calls",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Help = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallQuestions", x => x.Id);
                    table.UniqueConstraint("AK_CallQuestions_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_CallQuestions_Calls_MunicipalityId_CallId",
                        columns: x => new { x.MunicipalityId, x.CallId },
                        principalTable: "Calls",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallConflictsOfInterest",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallConflictsOfInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallConflictsOfInterest_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallConflictsOfInterest_CallApplications_MunicipalityId_ApplicationId",
                        columns: x => new { x.MunicipalityId, x.ApplicationId },
                        principalTable: "CallApplications",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationScores_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplicationScores_CallApplications_MunicipalityId_ApplicationId",
                        columns: x => new { x.MunicipalityId, x.ApplicationId },
                        principalTable: "CallApplications",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplicationScores_CallCriteria_MunicipalityId_CriterionId",
                        columns: x => new { x.MunicipalityId, x.CriterionId },
                        principalTable: "CallCriteria",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    YesNo = table.Column<bool>(type: "INTEGER", nullable: true),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationAnswers_CallApplications_MunicipalityId_ApplicationId",
                        columns: x => new { x.MunicipalityId, x.ApplicationId },
                        principalTable: "CallApplications",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplicationAnswers_CallQuestions_MunicipalityId_QuestionId",
                        columns: x => new { x.MunicipalityId, x.QuestionId },
                        principalTable: "CallQuestions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MunicipalityId_CallApplicationId",
                table: "Projects",
                columns: new[] { "MunicipalityId", "CallApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MunicipalityId_CallId",
                table: "Projects",
                columns: new[] { "MunicipalityId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabelCommitments_MunicipalityId_CallId",
                table: "LabelCommitments",
                columns: new[] { "MunicipalityId", "CallId" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_LabelCommitments_OneOwner",
                table: "LabelCommitments",
                sql: "(\"DecisionId\" IS NULL) <> (\"CallId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationAnswers_ApplicationId_QuestionId",
                table: "CallApplicationAnswers",
                columns: new[] { "ApplicationId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationAnswers_MunicipalityId_ApplicationId",
                table: "CallApplicationAnswers",
                columns: new[] { "MunicipalityId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationAnswers_MunicipalityId_QuestionId",
                table: "CallApplicationAnswers",
                columns: new[] { "MunicipalityId", "QuestionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_ApplicantUserId",
                table: "CallApplications",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_ApplicantUserId",
                table: "CallApplications",
                columns: new[] { "CallId", "ApplicantUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_MunicipalityId_CallId",
                table: "CallApplications",
                columns: new[] { "MunicipalityId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationScores_ApplicationId_ReviewerUserId_CriterionId",
                table: "CallApplicationScores",
                columns: new[] { "ApplicationId", "ReviewerUserId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationScores_MunicipalityId_ApplicationId",
                table: "CallApplicationScores",
                columns: new[] { "MunicipalityId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationScores_MunicipalityId_CriterionId",
                table: "CallApplicationScores",
                columns: new[] { "MunicipalityId", "CriterionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationScores_ReviewerUserId",
                table: "CallApplicationScores",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallConflictsOfInterest_ApplicationId_ReviewerUserId",
                table: "CallConflictsOfInterest",
                columns: new[] { "ApplicationId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallConflictsOfInterest_MunicipalityId_ApplicationId",
                table: "CallConflictsOfInterest",
                columns: new[] { "MunicipalityId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallConflictsOfInterest_ReviewerUserId",
                table: "CallConflictsOfInterest",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallCriteria_MunicipalityId_CallId",
                table: "CallCriteria",
                columns: new[] { "MunicipalityId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallEvents_ByUserId",
                table: "CallEvents",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallEvents_MunicipalityId_CallId",
                table: "CallEvents",
                columns: new[] { "MunicipalityId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallQuestions_MunicipalityId_CallId",
                table: "CallQuestions",
                columns: new[] { "MunicipalityId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_MunicipalityId_NeighbourhoodId",
                table: "Calls",
                columns: new[] { "MunicipalityId", "NeighbourhoodId" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_MunicipalityId_Status",
                table: "Calls",
                columns: new[] { "MunicipalityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Status_ClosesAtUtc",
                table: "Calls",
                columns: new[] { "Status", "ClosesAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_LabelCommitments_Calls_MunicipalityId_CallId",
                table: "LabelCommitments",
                columns: new[] { "MunicipalityId", "CallId" },
                principalTable: "Calls",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_CallApplications_MunicipalityId_CallApplicationId",
                table: "Projects",
                columns: new[] { "MunicipalityId", "CallApplicationId" },
                principalTable: "CallApplications",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_Calls_MunicipalityId_CallId",
                table: "Projects",
                columns: new[] { "MunicipalityId", "CallId" },
                principalTable: "Calls",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LabelCommitments_Calls_MunicipalityId_CallId",
                table: "LabelCommitments");

            migrationBuilder.DropForeignKey(
                name: "FK_Projects_CallApplications_MunicipalityId_CallApplicationId",
                table: "Projects");

            migrationBuilder.DropForeignKey(
                name: "FK_Projects_Calls_MunicipalityId_CallId",
                table: "Projects");

            migrationBuilder.DropTable(
                name: "CallApplicationAnswers");

            migrationBuilder.DropTable(
                name: "CallApplicationScores");

            migrationBuilder.DropTable(
                name: "CallConflictsOfInterest");

            migrationBuilder.DropTable(
                name: "CallEvents");

            migrationBuilder.DropTable(
                name: "CallQuestions");

            migrationBuilder.DropTable(
                name: "CallCriteria");

            migrationBuilder.DropTable(
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropIndex(
                name: "IX_Projects_MunicipalityId_CallApplicationId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_MunicipalityId_CallId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_LabelCommitments_MunicipalityId_CallId",
                table: "LabelCommitments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_LabelCommitments_OneOwner",
                table: "LabelCommitments");

            migrationBuilder.DropColumn(
                name: "CallApplicationId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CallId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CallId",
                table: "LabelCommitments");

            migrationBuilder.AlterColumn<long>(
                name: "DecisionId",
                table: "LabelCommitments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
