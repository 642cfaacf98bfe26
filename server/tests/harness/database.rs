// The database a test server uses: a SQLite file inside the test's temporary directory, or, when
// `FOLIO_TEST_DATABASE_URL` names a PostgreSQL server (scripts/postgres.sh sets it), a fresh database created for
// the test and dropped after it, so every API test runs on either backend unchanged. Pulled in with include! by
// the harnesses (http.rs, common/mod.rs); a module of its own so its imports never clash with the including file's.
#[allow(dead_code)] // Each test binary uses a different part of this module.
mod database {
    use std::ffi::OsString;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use folio_server::db::pg;

    /// The variable that switches the tests to PostgreSQL: the URL of a server where they may create databases.
    pub const URL_VAR: &str = "FOLIO_TEST_DATABASE_URL";

    /// One test's store; a PostgreSQL database is dropped with it.
    pub struct TestDb {
        sqlite: PathBuf,
        pg: Option<(String, String)>,
    }

    impl TestDb {
        /// A store for one test: `sqlite` (a file path) unless the tests run on PostgreSQL.
        pub fn new(sqlite: PathBuf) -> TestDb {
            let Some(admin) = std::env::var(URL_VAR).ok().filter(|u| !u.is_empty()) else {
                return TestDb { sqlite, pg: None };
            };
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let name = format!(
                "folio_test_{}_{}_{nanos}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::SeqCst)
            );
            admin_sql(&admin, &format!("CREATE DATABASE {name}"));
            TestDb {
                sqlite,
                pg: Some((admin, name)),
            }
        }

        /// What `--db` gets: the file, or the test database's URL.
        pub fn arg(&self) -> OsString {
            match &self.pg {
                Some((admin, name)) => OsString::from(database_url(admin, name)),
                None => self.sqlite.clone().into_os_string(),
            }
        }

        /// The test database's URL when the tests run on PostgreSQL.
        pub fn url(&self) -> Option<String> {
            self.pg
                .as_ref()
                .map(|(admin, name)| database_url(admin, name))
        }

        /// Every text value `query` returns (one text column or more), read from whichever backend holds the data.
        pub fn texts(&self, query: &str) -> Vec<String> {
            match &self.pg {
                Some((admin, name)) => {
                    let url = database_url(admin, name);
                    let query = query.to_owned();
                    pg::block_on(move || async move {
                        let config = pg::parse_url(&url)?;
                        let client = pg::connect(&config).await?;
                        let rows = client
                            .query(&query, &[])
                            .await
                            .map_err(|err| err.to_string())?;
                        Ok::<_, String>(
                            rows.iter()
                                .flat_map(|r| {
                                    (0..r.len())
                                        .filter_map(|i| r.try_get::<_, Option<String>>(i).ok().flatten())
                                        .collect::<Vec<_>>()
                                })
                                .collect(),
                        )
                    })
                    .and_then(|r| r)
                    .unwrap_or_else(|err| panic!("reading the test database: {err}"))
                }
                None => {
                    let conn = rusqlite::Connection::open(&self.sqlite).expect("the database");
                    let mut stmt = conn.prepare(query).expect("a query");
                    let n = stmt.column_count();
                    let rows = stmt
                        .query_map([], |r| {
                            Ok((0..n)
                                .map(|i| r.get::<_, Option<String>>(i).ok().flatten())
                                .collect::<Vec<_>>())
                        })
                        .expect("rows");
                    rows.flatten().flatten().flatten().collect()
                }
            }
        }
    }

    impl Drop for TestDb {
        fn drop(&mut self) {
            if let Some((admin, name)) = &self.pg {
                // FORCE: a server the test left running (killed, or still closing) must not keep it alive.
                admin_sql(admin, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }

    /// `admin` with its database name replaced by `name`.
    fn database_url(admin: &str, name: &str) -> String {
        let (base, query) = admin.split_once('?').map_or((admin, ""), |(b, q)| (b, q));
        let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
        if query.is_empty() {
            format!("{server}/{name}")
        } else {
            format!("{server}/{name}?{query}")
        }
    }

    /// Runs one statement on the admin database.
    fn admin_sql(admin: &str, sql: &str) {
        let (admin, statement) = (admin.to_owned(), sql.to_owned());
        pg::block_on(move || async move {
            let config = pg::parse_url(&admin)?;
            let client = pg::connect(&config).await?;
            client.batch_execute(&statement).await.map_err(|err| err.to_string())
        })
        .and_then(|r| r)
        .unwrap_or_else(|err| panic!("{sql}: {err}"));
    }
}
