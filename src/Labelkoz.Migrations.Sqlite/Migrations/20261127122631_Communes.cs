using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Communes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    InseeCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Siren = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PostalCodes = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    EpciSiren = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: true),
                    EpciName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DatasetVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.InseeCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Communes");
        }
    }
}
